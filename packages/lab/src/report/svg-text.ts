/** Shared by the hand-written SVG charts (lab survival, bench): coordinates and text made safe for SVG. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 10) / 10;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
