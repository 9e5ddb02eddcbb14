/** Divisions of the demo county (资源县 450329) and beyond that tests place people, jobs and staff in. */
export const COUNTY = '450329'; // 桂林市资源县
export const GUALI = '450329103'; // 瓜里乡
export const HEKOU = '450329202'; // 河口瑶族乡
export const JINJIANG = '450329103201'; // 瓜里乡金江村
export const HOUBEI = '450329202201'; // 河口瑶族乡猴背村
export const DONGGUAN = '441900'; // 广东省东莞市
export const QIXING = '450305'; // 桂林市七星区
export const NANNING = '4501'; // 南宁市
