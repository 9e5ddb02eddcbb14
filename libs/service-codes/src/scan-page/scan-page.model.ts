/** A target-neutral description of the scan page; the renderer turns it into small HTML. */
export interface ScanPage {
  title: string;
  subtitle?: string;
  /** Label–value pairs shown under the title (地址, 开放时间…). */
  facts: [string, string][];
  sections: ScanPageSection[];
  /** Calls to action, e.g. 在线报名 → the application page. */
  actions?: { label: string; href: string }[];
  notice?: string;
}

export interface ScanPageSection {
  heading: string;
  empty?: string;
  items: { title: string; lines: string[]; href?: string; badge?: string }[];
}
