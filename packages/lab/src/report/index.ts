/** Output helpers shared by the sweep, the faults and the bench: atomic files and SVG text. */
export { writeFileAtomically } from './atomic-file';
export { escapeXml, roundCoordinate } from './svg-text';
