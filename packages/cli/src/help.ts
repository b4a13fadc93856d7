import type { Lang } from '@kyso/core';

const HELP: Record<Lang, string> = {
  en: `kyso — PDF digital signatures (ký số)

Usage: kyso <command> [options]

Commands:
  sign IN.pdf -o OUT.pdf <key>          sign a PDF (an incremental update: earlier signatures stay valid)
                   --field NAME     sign this empty field (created when absent)
                   --reason TEXT --location TEXT
                   --level B-B|B-T|B-LT|B-LTA   --tsa URL (--tsa alone means B-T)
                   --visible PAGE:X,Y,W,H       points, origin at the lower-left of the displayed page
                   --certify 1|2|3  a certification signature (DocMDP)
                   --revocation online|embedded|off   check the signer before signing (online)
                   --trust FILE... --trust-profile NAME   anchors for the B-LT/B-LTA validation data
                   --preset personal|organization|number|date|clerk|attachment|copy
                                    a visible signature of the Vietnamese agency profile, in its
                                    default place unless --visible or --field
                   --image PNG|JPEG the signature image (personal) or the seal (organization, clerk)
                   --font TTF       draw with this font (default Liberation Serif, bundled)
                   --doc-number TEXT   number and symbol, "12/KH-UBND" (number, clerk, attachment)
                   --date YYYY-MM-DD --place TEXT   the date line (date, clerk; default today in Vietnam)
                   --org-name TEXT  the organisation's name (default the certificate's)
                   --copy-kind "SAO Y"|"SAO LỤC"|"TRÍCH SAO"   (copy)
                   --time-style iso|dotted   2025-01-02T16:29:02+07:00 or 02.01.2025 16:29:02 +07:00
                   --allow-organization-first   let an organisation sign before any person (copies)
  verify IN.pdf                        verify every signature; --json gives the full report
                   --trust FILE...  trust anchors (PEM or DER), repeatable
                   --trust-profile vn-gov|vn-public   built-in anchors: government or public CAs
                   --revocation online|embedded|off   --at ISO-TIME   --allow-weak
                   --pdf-password-env VAR   the password of an encrypted PDF, from VAR
  inspect IN.pdf [--json] [--pdf-password-env VAR]   revisions, fields, signatures, byte ranges
  ltv IN.pdf -o OUT.pdf [--trust FILE]... [--trust-profile NAME]
                                       add the validation data of every signature (B-LT)
  timestamp IN.pdf -o OUT.pdf --tsa URL     add a document time-stamp (B-LTA after ltv)
  dev-pki DIR    write a throwaway CA hierarchy with personal and organisation
                 keys (PEM, .p12) and a README.txt listing identities and passwords
                   --base-url URL   where its AIA/CRL links point (default http://127.0.0.1:8788)
                   --only ID,...    only these identities (with their issuers)
  serve [<key>]  the signing service (CSC v2, /sign-pdf) with the key as one credential;
                 clients send the access token it prints (or KYSO_SERVE_TOKEN's)
                   --dev            a throwaway PKI (TSA, OCSP, CRL) in this process, with its key
                                    lanh-dao-phong ready to sign; prints the URLs and how to try it
                   --bridge         the local bridge for a token on this computer: 127.0.0.1 only,
                                    each page of an --allow-origin pairs once with a code printed here
                   --allow-origin URL   a web application allowed to use the bridge (repeatable)
                   --port N         default 8789 (0: any free port)   --host H   default 127.0.0.1
                   --credential ID  the credential's name (default: the key label, or "default")
                   a --pkcs11 key without --pin-env asks the user's PIN (credentials/authorize)

  cms sign FILE -o FILE.p7s <key>      sign FILE as a detached CMS/CAdES signature
                   --tsa URL        add a signature time-stamp (CAdES-T)
                   --revocation online|embedded|off   check the signer before signing (online)
  cms verify FILE FILE.p7s             verify a detached signature of FILE
                   --trust FILE...  trust anchors (PEM or DER), repeatable
                   --trust-profile vn-gov|vn-public   built-in anchors: government or public CAs
                   --revocation online|embedded|off   (default online)
                   --at ISO-TIME    validate at this time   --allow-weak   accept SHA-1/RSA-1024
                   --json           the verification report as JSON

Keys (<key>):
  --p12 FILE (--password-env VAR | --password-file FILE)
  --pkcs11 LIB [--slot N | --token-label L] --key-label K --pin-env VAR   a USB token or HSM
  --csc URL --credential ID [--token-env VAR] [--pin-env VAR]   a CSC v1/v2 remote signer

Options:
  -h, --help       show this help
  -V, --version    show the version
  --lang vi|en     language of messages (default: KYSO_LANG or the locale)

Exit status: 0 success (every signature valid), 1 a signature is invalid,
3 none invalid but some indeterminate (or no signature), 2 usage, input or I/O error.
Errors print one line on stderr: kyso: CODE: message
`,
  vi: `kyso — ký số tài liệu PDF

Cách dùng: kyso <lệnh> [tùy chọn]

Lệnh:
  sign IN.pdf -o OUT.pdf <khóa>         ký tệp PDF (cập nhật nối tiếp: chữ ký trước vẫn hợp lệ)
                   --field NAME     ký vào trường trống này (tạo mới nếu chưa có)
                   --reason TEXT --location TEXT
                   --level B-B|B-T|B-LT|B-LTA   --tsa URL (chỉ --tsa nghĩa là B-T)
                   --visible PAGE:X,Y,W,H       đơn vị point, gốc ở góc dưới trái trang hiển thị
                   --certify 1|2|3  chữ ký chứng thực (DocMDP)
                   --revocation online|embedded|off   kiểm tra người ký trước khi ký (online)
                   --trust FILE... --trust-profile NAME   gốc tin cậy cho dữ liệu xác thực B-LT/B-LTA
                   --preset personal|organization|number|date|clerk|attachment|copy
                                    chữ ký hiển thị theo quy định của cơ quan nhà nước, ở vị trí
                                    mặc định nếu không có --visible hoặc --field
                   --image PNG|JPEG ảnh chữ ký (personal) hoặc con dấu (organization, clerk)
                   --font TTF       phông chữ (mặc định Liberation Serif có sẵn)
                   --doc-number TEXT   số, ký hiệu văn bản "12/KH-UBND" (number, clerk, attachment)
                   --date YYYY-MM-DD --place TEXT   dòng địa danh, ngày tháng (date, clerk; mặc định hôm nay)
                   --org-name TEXT  tên cơ quan, tổ chức (mặc định theo chứng thư)
                   --copy-kind "SAO Y"|"SAO LỤC"|"TRÍCH SAO"   (copy)
                   --time-style iso|dotted   2025-01-02T16:29:02+07:00 hoặc 02.01.2025 16:29:02 +07:00
                   --allow-organization-first   cho phép tổ chức ký trước cá nhân (bản số hóa)
  verify IN.pdf                        xác thực mọi chữ ký; --json cho báo cáo đầy đủ
                   --trust FILE...  chứng thư gốc tin cậy (PEM hoặc DER), có thể lặp lại
                   --trust-profile vn-gov|vn-public   gốc tin cậy có sẵn: CA chuyên dùng hoặc công cộng
                   --revocation online|embedded|off   --at ISO-TIME   --allow-weak
                   --pdf-password-env VAR   mật khẩu của tệp PDF đã mã hóa, lấy từ biến VAR
  inspect IN.pdf [--json] [--pdf-password-env VAR]   các phiên bản, trường, chữ ký, vùng ký
  ltv IN.pdf -o OUT.pdf [--trust FILE]... [--trust-profile NAME]
                                       thêm dữ liệu xác thực của mọi chữ ký (B-LT)
  timestamp IN.pdf -o OUT.pdf --tsa URL     thêm dấu thời gian tài liệu (B-LTA sau ltv)
  dev-pki DIR    tạo hệ thống CA dùng thử (khóa cá nhân và tổ chức, PEM, .p12)
                 kèm README.txt liệt kê danh tính và mật khẩu
                   --base-url URL   địa chỉ AIA/CRL trong chứng thư (mặc định http://127.0.0.1:8788)
                   --only ID,...    chỉ tạo các danh tính này (cùng CA cấp)
  serve [<khóa>] dịch vụ ký số (CSC v2, /sign-pdf) với khóa này; ứng dụng gửi kèm mã truy cập
                 được in ra (hoặc mã trong KYSO_SERVE_TOKEN)
                   --dev            PKI dùng thử (TSA, OCSP, CRL) chạy trong tiến trình, kèm khóa
                                    lanh-dao-phong sẵn sàng ký; in địa chỉ và cách dùng thử
                   --bridge         cầu nối cho token cắm trên máy này: chỉ nghe 127.0.0.1, mỗi trang
                                    của --allow-origin ghép nối một lần bằng mã in ra tại đây
                   --allow-origin URL   ứng dụng web được phép dùng cầu nối (có thể lặp lại)
                   --port N         mặc định 8789 (0: cổng trống bất kỳ)   --host H   mặc định 127.0.0.1
                   --credential ID  tên khóa ký trên dịch vụ (mặc định: nhãn khóa, hoặc "default")
                   khóa --pkcs11 không có --pin-env: người dùng tự nhập PIN (credentials/authorize)

  cms sign FILE -o FILE.p7s <khóa>     ký FILE thành chữ ký CMS/CAdES tách rời
                   --tsa URL        thêm dấu thời gian cho chữ ký (CAdES-T)
                   --revocation online|embedded|off   kiểm tra người ký trước khi ký (online)
  cms verify FILE FILE.p7s             xác thực chữ ký tách rời của FILE
                   --trust FILE...  chứng thư gốc tin cậy (PEM hoặc DER), có thể lặp lại
                   --trust-profile vn-gov|vn-public   gốc tin cậy có sẵn: CA chuyên dùng hoặc công cộng
                   --revocation online|embedded|off   (mặc định online)
                   --at ISO-TIME    xác thực tại thời điểm này   --allow-weak   chấp nhận SHA-1/RSA-1024
                   --json           báo cáo xác thực dạng JSON

Khóa (<khóa>):
  --p12 FILE (--password-env VAR | --password-file FILE)
  --pkcs11 LIB [--slot N | --token-label L] --key-label K --pin-env VAR   token USB hoặc HSM
  --csc URL --credential ID [--token-env VAR] [--pin-env VAR]   ký từ xa qua CSC v1/v2

Tùy chọn:
  -h, --help       hiện hướng dẫn này
  -V, --version    hiện phiên bản
  --lang vi|en     ngôn ngữ thông báo (mặc định: KYSO_LANG hoặc locale)

Mã thoát: 0 thành công (mọi chữ ký hợp lệ), 1 có chữ ký không hợp lệ,
3 không có chữ ký không hợp lệ nhưng có chữ ký chưa xác định (hoặc không có chữ ký),
2 lỗi cách dùng, dữ liệu vào hoặc đọc/ghi.
Lỗi được in một dòng ra stderr: kyso: MÃ: thông báo
`,
};

export function helpText(lang: Lang): string {
  return HELP[lang];
}
