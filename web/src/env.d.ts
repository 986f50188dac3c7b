declare module 'cytoscape-fcose' {
  const ext: cytoscape.Ext;
  export default ext;
}

declare module 'echarts/i18n/langAR-obj.js' {
  const lang: { time: { month: string[]; monthAbbr: string[]; dayOfWeek: string[]; dayOfWeekAbbr: string[] } } & Record<string, unknown>;
  export default lang;
}
