/** The case's partial dates as the server compares them (defined in src/case/dates.ts). */
export { dateEnd, dateStart, dateText } from '../case/dates.js';
