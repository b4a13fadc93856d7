import type { Lang } from '@kyso/core';

const HELP: Record<Lang, string> = {
  en: `kyso — PDF digital signatures (ký số)

Usage: kyso <command> [options]

Commands:
  dev-pki DIR    write a throwaway CA hierarchy with personal and organisation
                 keys (PEM, .p12) and a README.txt listing identities and passwords
                   --base-url URL   where its AIA/CRL links point (default http://127.0.0.1:8788)
                   --only ID,...    only these identities (with their issuers)

Options:
  -h, --help       show this help
  -V, --version    show the version
  --lang vi|en     language of messages (default: KYSO_LANG or the locale)

Exit status: 0 success, 2 usage, input or I/O error.
Errors print one line on stderr: kyso: CODE: message
`,
  vi: `kyso — ký số tài liệu PDF

Cách dùng: kyso <lệnh> [tùy chọn]

Lệnh:
  dev-pki DIR    tạo hệ thống CA dùng thử (khóa cá nhân và tổ chức, PEM, .p12)
                 kèm README.txt liệt kê danh tính và mật khẩu
                   --base-url URL   địa chỉ AIA/CRL trong chứng thư (mặc định http://127.0.0.1:8788)
                   --only ID,...    chỉ tạo các danh tính này (cùng CA cấp)

Tùy chọn:
  -h, --help       hiện hướng dẫn này
  -V, --version    hiện phiên bản
  --lang vi|en     ngôn ngữ thông báo (mặc định: KYSO_LANG hoặc locale)

Mã thoát: 0 thành công, 2 lỗi cách dùng, dữ liệu vào hoặc đọc/ghi.
Lỗi được in một dòng ra stderr: kyso: MÃ: thông báo
`,
};

export function helpText(lang: Lang): string {
  return HELP[lang];
}
