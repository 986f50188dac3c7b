
declare module 'echarts/i18n/langAR-obj.js' {
  const lang: { time: { month: string[]; monthAbbr: string[]; dayOfWeek: string[]; dayOfWeekAbbr: string[] } } & Record<string, unknown>;
  export default lang;
}
