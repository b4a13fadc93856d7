import type { BodyBlock } from './body-flow.js';

export interface DraftText {
  /** The issuing organisation, line by line (the left column). */
  organisation: readonly string[];
  /** The organisation's name in running text (the file's /Author). */
  author: string;
  nation: string;
  motto: string;
  /** The kind of document and its subject (the title). */
  kind: string;
  subject: string;
  body: readonly BodyBlock[];
  recipientsLabel: string;
  recipients: readonly string[];
  signatureTitle: readonly string[];
}

/**
 * What the sample draft says: a provincial People's Committee's plan, worded as such plans are, in
 * NFC Vietnamese. The number ("Số: …") and the place-and-date line are not here: the clerk signs
 * them in when the plan is issued; nor are the signer's name and signature, drawn by the officials'
 * signatures.
 */
export const DRAFT_TEXT: DraftText = {
  organisation: ['ỦY BAN NHÂN DÂN', 'TỈNH THỬ NGHIỆM'],
  author: 'Ủy ban nhân dân tỉnh Thử Nghiệm',
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  kind: 'KẾ HOẠCH',
  subject: 'Triển khai văn phòng điện tử năm 2025',
  body: [
    {
      text:
        'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư; ' +
        'Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ phê duyệt Chương trình ' +
        'Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030; Ủy ban nhân dân tỉnh ban hành Kế hoạch ' +
        'triển khai văn phòng điện tử năm 2025 như sau:',
    },
    { text: 'I. MỤC ĐÍCH, YÊU CẦU', style: 'bold', keepWithNext: true },
    { text: '1. Mục đích', style: 'bold', keepWithNext: true },
    {
      text:
        'Hoàn thiện hệ thống văn phòng điện tử liên thông từ tỉnh đến cấp xã; bảo đảm 100% văn bản đi ' +
        'của các cơ quan hành chính nhà nước trên địa bàn tỉnh (trừ văn bản mật) được ký số và gửi, nhận ' +
        'trên môi trường điện tử.',
    },
    {
      text:
        'Rút ngắn thời gian xử lý văn bản, giảm chi phí in ấn và gửi văn bản giấy; nâng cao hiệu quả chỉ ' +
        'đạo, điều hành của lãnh đạo các cấp.',
    },
    { text: '2. Yêu cầu', style: 'bold', keepWithNext: true },
    {
      text:
        'Văn bản điện tử được ký số đúng trình tự: chữ ký số của người có thẩm quyền được thực hiện ' +
        'trước, chữ ký số của cơ quan được thực hiện khi cấp số, ghi ngày, tháng, năm ban hành văn bản.',
    },
    {
      text:
        'Mỗi bước xử lý được lưu giữ đầy đủ trên hệ thống, bảo đảm tính toàn vẹn, tính xác thực và an toàn ' +
        'thông tin của văn bản điện tử; chứng thư số được kiểm tra hiệu lực trước khi ký.',
    },
    {
      text:
        'Cán bộ, công chức, viên chức sử dụng thành thạo các chức năng của hệ thống; không in văn bản giấy ' +
        'để trình ký đối với văn bản đã được ký số.',
    },
    { text: 'II. NHIỆM VỤ', style: 'bold', keepWithNext: true },
    {
      text:
        '1. Sở Khoa học và Công nghệ nâng cấp hệ thống quản lý văn bản và điều hành, tích hợp chức năng ' +
        'ký số trên trình duyệt và kiểm tra trạng thái chứng thư số trực tuyến; hoàn thành trong quý II ' +
        'năm 2025.',
    },
    {
      text:
        '2. Văn phòng Ủy ban nhân dân tỉnh hướng dẫn quy trình trình ký, cấp số và phát hành văn bản điện ' +
        'tử; tổ chức tập huấn cho văn thư và chuyên viên các sở, ban, ngành, địa phương.',
    },
    {
      text:
        '3. Các sở, ban, ngành và Ủy ban nhân dân các huyện, thành phố rà soát, đề nghị cấp chứng thư số ' +
        'chuyên dùng cho lãnh đạo và văn thư cơ quan; sử dụng chữ ký số trong toàn bộ quy trình xử lý văn bản.',
    },
    {
      text:
        '4. Công an tỉnh phối hợp với Sở Khoa học và Công nghệ kiểm tra, đánh giá an toàn thông tin của ' +
        'hệ thống; hướng dẫn các cơ quan, đơn vị quản lý thiết bị lưu khóa bí mật và xử lý sự cố.',
    },
    {
      text:
        '5. Các cơ quan, đơn vị lưu trữ văn bản điện tử theo quy định; bảo đảm mọi phiên bản của văn bản ' +
        'trong quá trình trình ký được lưu giữ đầy đủ và tra cứu được khi cần thiết.',
    },
    {
      text:
        '6. Đài Phát thanh và Truyền hình tỉnh, các cơ quan báo chí trên địa bàn tỉnh tuyên truyền về lợi ích ' +
        'của văn phòng điện tử và chữ ký số đến cán bộ, công chức, viên chức và người dân.',
    },
    { text: 'III. TỔ CHỨC THỰC HIỆN', style: 'bold', keepWithNext: true },
    {
      text:
        '1. Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước năm 2025 theo phân cấp ' +
        'hiện hành và các nguồn kinh phí hợp pháp khác.',
    },
    {
      text:
        '2. Thủ trưởng các cơ quan, đơn vị có trách nhiệm triển khai thực hiện Kế hoạch này; định kỳ hằng ' +
        'quý báo cáo kết quả về Sở Khoa học và Công nghệ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.',
    },
    {
      text:
        '3. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Văn phòng Ủy ban nhân dân tỉnh theo dõi, ' +
        'đôn đốc, kiểm tra việc thực hiện Kế hoạch; tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ' +
        'ngày 15 tháng 12 năm 2025.',
    },
    {
      text:
        'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh kịp thời về ' +
        'Sở Khoa học và Công nghệ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, giải quyết./.',
    },
  ],
  recipientsLabel: 'Nơi nhận:',
  recipients: [
    '- Bộ Khoa học và Công nghệ;',
    '- TT Tỉnh ủy, TT HĐND tỉnh;',
    '- Chủ tịch, các PCT UBND tỉnh;',
    '- Các sở, ban, ngành tỉnh;',
    '- UBND các huyện, thành phố;',
    '- Lưu: VT, KGVX.',
  ],
  /** The signature block's title: on behalf of the committee, its chairman. */
  signatureTitle: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
};
