import type { Lang } from '@kyso/core';
import type { PairingCode } from '@kyso/node-adapter';

/** What the banner says of the service `kyso serve` started. */
export interface ServeBanner {
  url: string;
  bridge: boolean;
  allowOrigins: string[];
  credentials: { id: string; pin: 'required' | 'none'; name?: string }[];
  /** The bearer token clients send, when generated here (not in bridge mode). */
  token?: string;
  tokenFromEnv: boolean;
  exposed: boolean;
  dev?: { tsa: string; ocsp: string; crl: string; anchorsFile: string; credentialId: string };
}

type Text = {
  banner(b: ServeBanner): string;
  pairing(p: PairingCode): string;
  stopping(signal: string): string;
  stopped: string;
};

const cred = (c: ServeBanner['credentials'][number], pin: string, none: string) =>
  `  ${c.id}${c.name ? ` (${c.name})` : ''}: ${c.pin === 'required' ? pin : none}\n`;

export const SERVE_TEXT: Record<Lang, Text> = {
  en: {
    banner: (b) => {
      let out = b.bridge
        ? `kyso bridge: ${b.url}\nAllowed web applications: ${b.allowOrigins.join(', ')}\nA page pairs once: POST ${b.url}/bridge/pair, then types the code shown here.\n`
        : `kyso signing service: ${b.url}\nCSC v2: ${b.url}/csc/v2/info\n`;
      out += 'Credentials:\n';
      for (const c of b.credentials) out += cred(c, 'the user types the PIN', 'no PIN (unlocked here)');
      if (b.token) out += `Access token: ${b.token}  (Authorization: Bearer …)\n`;
      if (b.tokenFromEnv) out += 'Access token: from KYSO_SERVE_TOKEN\n';
      if (b.exposed)
        out +=
          'Warning: listening beyond this computer; anyone holding the token can sign. Put TLS in front.\n';
      if (b.dev) {
        out += `Dev PKI (throwaway, in this process):\n  TSA   ${b.dev.tsa}  (proxied at ${b.url}/tsa)\n  OCSP  ${b.dev.ocsp}\n  CRL   ${b.dev.crl}\n  trust anchors: ${b.dev.anchorsFile}\n`;
        if (!b.bridge)
          out += `Try:\n  KYSO_TOKEN=${b.token ?? '…'} kyso sign draft.pdf -o signed.pdf --csc ${b.url} --credential ${b.dev.credentialId} --token-env KYSO_TOKEN --tsa ${b.dev.tsa}\n  kyso verify signed.pdf --trust ${b.dev.anchorsFile}\n`;
      }
      return `${out}Press Ctrl-C to stop.\n`;
    },
    pairing: (p) =>
      `Pairing code for ${p.origin}: ${p.code}  (type it into that page; valid until ${p.expiresAt.toLocaleTimeString('en-GB')})\n`,
    stopping: (signal) => `${signal}: stopping (requests in progress finish)…\n`,
    stopped: 'Stopped.\n',
  },
  vi: {
    banner: (b) => {
      let out = b.bridge
        ? `Cầu nối ký số kyso: ${b.url}\nỨng dụng web được phép: ${b.allowOrigins.join(', ')}\nMỗi trang ghép nối một lần: POST ${b.url}/bridge/pair, rồi nhập mã hiện ở đây.\n`
        : `Dịch vụ ký số kyso: ${b.url}\nCSC v2: ${b.url}/csc/v2/info\n`;
      out += 'Khóa ký:\n';
      for (const c of b.credentials)
        out += cred(c, 'người dùng nhập PIN', 'không cần PIN (đã mở khóa tại đây)');
      if (b.token) out += `Mã truy cập: ${b.token}  (Authorization: Bearer …)\n`;
      if (b.tokenFromEnv) out += 'Mã truy cập: lấy từ KYSO_SERVE_TOKEN\n';
      if (b.exposed)
        out +=
          'Cảnh báo: dịch vụ mở ra ngoài máy này; ai có mã truy cập đều ký được. Hãy đặt TLS phía trước.\n';
      if (b.dev) {
        out += `PKI dùng thử (tạm thời, trong tiến trình này):\n  TSA   ${b.dev.tsa}  (qua dịch vụ: ${b.url}/tsa)\n  OCSP  ${b.dev.ocsp}\n  CRL   ${b.dev.crl}\n  chứng thư gốc tin cậy: ${b.dev.anchorsFile}\n`;
        if (!b.bridge)
          out += `Thử:\n  KYSO_TOKEN=${b.token ?? '…'} kyso sign draft.pdf -o signed.pdf --csc ${b.url} --credential ${b.dev.credentialId} --token-env KYSO_TOKEN --tsa ${b.dev.tsa}\n  kyso verify signed.pdf --trust ${b.dev.anchorsFile}\n`;
      }
      return `${out}Nhấn Ctrl-C để dừng.\n`;
    },
    pairing: (p) =>
      `Mã ghép nối cho ${p.origin}: ${p.code}  (nhập mã này vào trang đó; hiệu lực đến ${p.expiresAt.toLocaleTimeString('vi-VN')})\n`,
    stopping: (signal) => `${signal}: đang dừng (các yêu cầu đang xử lý được hoàn tất)…\n`,
    stopped: 'Đã dừng.\n',
  },
};
