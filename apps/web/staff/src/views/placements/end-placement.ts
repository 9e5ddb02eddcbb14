import { messageOf } from '@shared/api-error';
import { ElMessage, ElMessageBox } from 'element-plus';

import { EndPlacement } from '../../api/placements';
import { request } from '../../session';

/**
 * 结束务工: asks for the last working day (today by default) and records it. Resolves true when
 * the placement was ended, false when the officer cancelled or the API refused (said in a toast).
 */
export async function endPlacement(placementId: string, name?: string): Promise<boolean> {
  let endDate: string;
  try {
    ({ value: endDate } = await ElMessageBox.prompt('最后工作日（YYYY-MM-DD）：', name ? `结束 ${name} 的务工` : '结束务工', {
      confirmButtonText: '结束务工',
      cancelButtonText: '取消',
      inputValue: new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }),
      inputPattern: /^\d{4}-\d{2}-\d{2}$/,
      inputErrorMessage: '请按 2026-12-05 的格式填写日期',
    }));
  } catch {
    return false;
  }
  try {
    await request(EndPlacement, { placementId, endDate });
    ElMessage.success(name ? `已登记 ${name} 结束务工` : '已登记结束务工');
    return true;
  } catch (error) {
    ElMessage.error(messageOf(error));
    return false;
  }
}
