declare module 'validate-curp' {
  interface CurpCheck {
    isValid: boolean;
    curp: string | null;
    errors?: string[];
  }
  export default function validateCurp(value: string): CurpCheck;
}

declare module 'validate-rfc' {
  interface RfcCheck {
    isValid: boolean;
    rfc: string | null;
    type: 'person' | 'company' | 'generic' | 'foreign' | null;
    errors?: string[];
  }
  export default function validateRfc(value: string): RfcCheck;
}
