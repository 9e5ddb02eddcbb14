import { session } from '../session';

/** Fetches a file the API serves only to the signed-in (contract PDFs) and hands it to the browser as a download or a preview URL. */
export async function fetchWithSession(path: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(path, { headers: session.token.value ? { authorization: `Bearer ${session.token.value}` } : {} });
  } catch {
    throw new Error('网络连接不上，请检查网络后再试');
  }
  if (!response.ok) {
    const payload = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(payload?.error?.message ?? '文件没有下载成功，请稍后再试');
  }
  return response.blob();
}

export async function download(path: string, filename: string): Promise<void> {
  const url = URL.createObjectURL(await fetchWithSession(path));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
