/** What kyso reads from a CSC service, normalised across v1 (1.0.4) and v2 (2.0.0.x). */

/** `info`: the service and the methods it implements. */
export interface CscInfo {
  /** e.g. "1.0.4.0", "2.0.0.2". */
  specs: string;
  name?: string;
  /** Implemented methods ("credentials/list", "signatures/signHash"…); empty when not given. */
  methods: string[];
  authType: string[];
}

export type CscAuthMode = 'implicit' | 'explicit' | 'oauth2code';

/** Whether a PIN or OTP must, may or cannot be given to credentials/authorize. */
export type CscPresence = 'required' | 'optional' | 'none';

/** A v2.0.0.2 authentication object type (`auth.objects[]`): answered in `authData`. */
export interface CscAuthObject {
  type: string;
  id: string;
  label?: string;
  description?: string;
  format?: string;
  generator?: string;
}

/** `credentials/info`. */
export interface CscCredentialInfo {
  credentialId: string;
  description?: string;
  /** "enabled" or "disabled" when the service says. */
  keyStatus?: string;
  /** Signature algorithm OIDs the key supports (`key.algo`). */
  keyAlgorithms: string[];
  keyLength?: number;
  /** Curve OID for EC keys (`key.curve`). */
  keyCurve?: string;
  /** DER, the credential's certificate first. */
  certificates: Uint8Array[];
  authMode: CscAuthMode;
  /** v1 and v2.0.0.0 `PIN.presence`; for v2.0.0.2 derived from `auth.objects`. */
  pin: CscPresence;
  otp: CscPresence;
  /** v1 `OTP.type`: an online OTP is sent by `credentials/sendOTP` first. */
  otpType?: 'offline' | 'online';
  pinLabel?: string;
  otpLabel?: string;
  /** v2.0.0.2 explicit mode: the objects to answer in `authData` (then PIN/OTP fields are not used). */
  authObjects?: CscAuthObject[];
  /** Sole control assurance level: "2" binds the SAD to the hashes. "1" when not given. */
  scal: '1' | '2';
  /** Most signatures one authorization allows (≥ 1). */
  multisign: number;
}

export interface CscAuthorizeRequest {
  credentialId: string;
  numSignatures: number;
  /** Digests bound to the SAD (SCAL2). */
  hashes?: Uint8Array[];
  /** v2: the OID of the hash that made `hashes`. */
  hashAlgorithmOid?: string;
  pin?: string;
  otp?: string;
  /** v2.0.0.2 authentication objects, used instead of `pin`/`otp`. */
  authData?: { id: string; value?: string }[];
  description?: string;
}

/** Signature activation data. */
export interface CscAuthorization {
  sad: string;
  /** Seconds, when the service says (3600 by default per the specification). */
  expiresIn?: number;
}

export interface CscSignHashRequest {
  credentialId: string;
  /** Absent for oauth2code credentials: the credential-scoped access token authorizes. */
  sad?: string;
  hashes: Uint8Array[];
  /** Needed when `signAlgo` does not name the hash (rsaEncryption, RSASSA-PSS, id-ecPublicKey). */
  hashAlgorithmOid?: string;
  signAlgo: string;
  /** DER parameters (RSASSA-PSS-params). */
  signAlgoParams?: Uint8Array;
}
