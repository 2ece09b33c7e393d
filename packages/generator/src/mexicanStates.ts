/** A Mexican state as the CCT, the CURP and the phone network number it. */
export interface MexicanState {
  /** Two-digit INEGI number, the first two characters of a CCT. */
  readonly number: string;
  /** Name as staff usually write it. */
  readonly name: string;
  /** Two-letter code in positions 12–13 of a CURP. */
  readonly curpCode: string;
  /** Area code of the state's main city. */
  readonly areaCode: string;
  /** Part of the Yucatán peninsula, where Maya is widely spoken. */
  readonly mayaRegion: boolean;
}

const rows: readonly (readonly [string, string, string, boolean?])[] = [
  ['Aguascalientes', 'AS', '449'],
  ['Baja California', 'BC', '664'],
  ['Baja California Sur', 'BS', '612'],
  ['Campeche', 'CC', '981', true],
  ['Coahuila', 'CL', '844'],
  ['Colima', 'CM', '312'],
  ['Chiapas', 'CS', '961'],
  ['Chihuahua', 'CH', '614'],
  ['Ciudad de México', 'DF', '55'],
  ['Durango', 'DG', '618'],
  ['Guanajuato', 'GT', '477'],
  ['Guerrero', 'GR', '747'],
  ['Hidalgo', 'HG', '771'],
  ['Jalisco', 'JC', '33'],
  ['México', 'MC', '722'],
  ['Michoacán', 'MN', '443'],
  ['Morelos', 'MS', '777'],
  ['Nayarit', 'NT', '311'],
  ['Nuevo León', 'NL', '81'],
  ['Oaxaca', 'OC', '951'],
  ['Puebla', 'PL', '222'],
  ['Querétaro', 'QT', '442'],
  ['Quintana Roo', 'QR', '983', true],
  ['San Luis Potosí', 'SP', '444'],
  ['Sinaloa', 'SL', '667'],
  ['Sonora', 'SR', '662'],
  ['Tabasco', 'TC', '993'],
  ['Tamaulipas', 'TS', '834'],
  ['Tlaxcala', 'TL', '246'],
  ['Veracruz', 'VZ', '228'],
  ['Yucatán', 'YN', '999', true],
  ['Zacatecas', 'ZS', '492'],
];

/** The 32 states, in INEGI order (`MEXICAN_STATES[0].number === '01'`). */
export const MEXICAN_STATES: readonly MexicanState[] = rows.map(
  ([name, curpCode, areaCode, mayaRegion], index) => ({
    number: String(index + 1).padStart(2, '0'),
    name,
    curpCode,
    areaCode,
    mayaRegion: mayaRegion ?? false,
  }),
);

/** CURP code of people born abroad ("nacido en el extranjero"). */
export const CURP_BORN_ABROAD = 'NE';

/** The state with this two-digit number, if any. */
export function stateByNumber(number: string): MexicanState | undefined {
  return MEXICAN_STATES[Number(number) - 1];
}
