// How a site's risk is drawn on the region wall: the four-colour grade with the same colour AND
// shape as a sensor in alarm of that level on the site wall (wall/sensor-visual.ts), so the
// globe, the cards and the site walls agree; grey rings for a status that is not current.
import type { RiskColour } from '../../lib/region-status.ts';
import { SENSOR_VISUAL_STYLES, type SensorVisualStyle } from '../../wall/sensor-visual.ts';

/** Colour, glyph and marker shape of a risk grade (red ◆, orange ▲, yellow ■, blue ●). */
export const RISK_STYLES: Readonly<Record<RiskColour, SensorVisualStyle>> = {
  red: SENSOR_VISUAL_STYLES.critical,
  orange: SENSOR_VISUAL_STYLES.alarm,
  yellow: SENSOR_VISUAL_STYLES.warning,
  blue: SENSOR_VISUAL_STYLES.advisory,
};

/** A site whose status is not current: the stale sensor's grey ring, never a risk colour. */
export const NOT_CURRENT_STYLE: SensorVisualStyle = SENSOR_VISUAL_STYLES.stale;

/** The i18n keys of the grade words. */
export const RISK_WORD_KEYS = { red: 'riskRed', orange: 'riskOrange', yellow: 'riskYellow', blue: 'riskBlue' } as const satisfies Record<RiskColour, string>;
/** The i18n keys of what each grade means. */
export const RISK_MEANING_KEYS = { red: 'riskRedMeaning', orange: 'riskOrangeMeaning', yellow: 'riskYellowMeaning', blue: 'riskBlueMeaning' } as const satisfies Record<RiskColour, string>;

/** The style a site's marker and badge take: its grade while the status is current, grey otherwise (or before any status). */
export function siteMarkerStyle(risk: RiskColour | null, current: boolean): SensorVisualStyle {
  return current && risk !== null ? RISK_STYLES[risk] : NOT_CURRENT_STYLE;
}
