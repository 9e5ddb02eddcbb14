/** The county this deployment serves (the demo county 资源县 unless the build says otherwise). */
export const COUNTY_CODE: string = (import.meta.env.VITE_COUNTY_CODE as string | undefined) ?? '450329';
