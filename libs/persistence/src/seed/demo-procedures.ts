import type { FeeDue, FormField } from '@onegate/domain';

import type { OnlineLevel, RequiredDocument, SupplementPolicy } from '../entities';

export interface ProcedureSeed {
  code: string;
  agencyCode: string;
  nameVi: string;
  nameEn: string;
  field: string;
  processingHours: number;
  onlineLevel: OnlineLevel;
  feeVnd: number;
  /** Before the return unless said otherwise. */
  feeDue?: FeeDue;
  supplementPolicy: SupplementPolicy;
  requiredDocuments: RequiredDocument[];
  formSchema: FormField[];
}

const PDF_OR_IMAGE = ['application/pdf', 'image/jpeg', 'image/png'];
const FIVE_MB = 5 * 1024 * 1024;
const document = (name: string, mandatory = true): RequiredDocument => ({
  name,
  mandatory,
  acceptedTypes: PDF_OR_IMAGE,
  maxSizeBytes: FIVE_MB,
});
const field = (
  name: string,
  vi: string,
  en: string,
  type: FormField['type'],
  required = true,
): FormField => ({
  name,
  label: { vi, en },
  type,
  required,
});
const applicantFields = [
  field('fullName', 'Họ và tên', 'Full name', 'text'),
  field('nationalId', 'Số định danh cá nhân', 'National ID number', 'nationalId'),
  field('phone', 'Số điện thoại', 'Phone', 'phone'),
];

/** Real-looking procedures of six agencies; processing times are in working hours (8 a day). */
export const DEMO_PROCEDURES: ProcedureSeed[] = [
  {
    code: '1.001193',
    agencyCode: 'QN-HL-BC',
    nameVi: 'Đăng ký khai sinh',
    nameEn: 'Birth registration',
    field: 'Hộ tịch',
    processingHours: 8,
    onlineLevel: 'full',
    feeVnd: 0,
    supplementPolicy: 'pause',
    requiredDocuments: [document('Giấy chứng sinh'), document('Giấy tờ tùy thân của người đi đăng ký')],
    formSchema: [
      ...applicantFields,
      field('childName', 'Họ và tên trẻ', 'Child’s full name', 'text'),
      field('childBirthDate', 'Ngày sinh của trẻ', 'Child’s date of birth', 'date'),
    ],
  },
  {
    code: '1.000894',
    agencyCode: 'QN-HL-BC',
    nameVi: 'Đăng ký kết hôn',
    nameEn: 'Marriage registration',
    field: 'Hộ tịch',
    processingHours: 24,
    onlineLevel: 'partial',
    feeVnd: 0,
    supplementPolicy: 'pause',
    requiredDocuments: [document('Tờ khai đăng ký kết hôn'), document('Giấy xác nhận tình trạng hôn nhân')],
    formSchema: [
      ...applicantFields,
      field('partnerName', 'Họ và tên người kia', 'Partner’s full name', 'text'),
    ],
  },
  {
    code: '2.000488',
    agencyCode: 'QN-STP',
    nameVi: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
    nameEn: 'Criminal record certificate for Vietnamese citizens',
    field: 'Lý lịch tư pháp',
    processingHours: 80,
    onlineLevel: 'full',
    feeVnd: 200_000,
    supplementPolicy: 'pause',
    requiredDocuments: [document('Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp')],
    formSchema: [...applicantFields, field('purpose', 'Mục đích sử dụng', 'Purpose', 'longtext')],
  },
  {
    code: '1.001612',
    agencyCode: 'QN-HL',
    nameVi: 'Đăng ký thành lập hộ kinh doanh',
    nameEn: 'Business household registration',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    processingHours: 24,
    onlineLevel: 'full',
    feeVnd: 100_000,
    supplementPolicy: 'restart',
    requiredDocuments: [document('Giấy đề nghị đăng ký hộ kinh doanh')],
    formSchema: [
      ...applicantFields,
      field('businessName', 'Tên hộ kinh doanh', 'Business name', 'text'),
      field('capital', 'Vốn kinh doanh (đồng)', 'Capital (VND)', 'number'),
    ],
  },
  {
    code: '1.009972',
    agencyCode: 'QN-HL',
    nameVi: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    nameEn: 'Construction permit for a new detached house',
    field: 'Hoạt động xây dựng',
    processingHours: 120,
    onlineLevel: 'partial',
    feeVnd: 75_000,
    supplementPolicy: 'restart',
    requiredDocuments: [
      document('Đơn đề nghị cấp giấy phép xây dựng'),
      document('Giấy tờ về quyền sử dụng đất'),
      document('Bản vẽ thiết kế xây dựng'),
    ],
    formSchema: [...applicantFields, field('plotAddress', 'Địa chỉ thửa đất', 'Plot address', 'text')],
  },
  {
    code: '1.012795',
    agencyCode: 'QN-SNNMT',
    nameVi: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
    nameEn: 'Registration of changes to a land-use certificate',
    field: 'Đất đai',
    processingHours: 80,
    onlineLevel: 'partial',
    feeVnd: 50_000,
    supplementPolicy: 'pause',
    requiredDocuments: [document('Đơn đăng ký biến động'), document('Giấy chứng nhận đã cấp')],
    formSchema: [
      ...applicantFields,
      field('certificateNumber', 'Số giấy chứng nhận', 'Certificate number', 'text'),
    ],
  },
  {
    code: '1.010000',
    agencyCode: 'QN-SXD',
    nameVi: 'Cấp chứng chỉ hành nghề hoạt động xây dựng',
    nameEn: 'Construction practice certificate',
    field: 'Hoạt động xây dựng',
    processingHours: 160,
    onlineLevel: 'full',
    feeVnd: 150_000,
    supplementPolicy: 'pause',
    requiredDocuments: [document('Đơn đề nghị cấp chứng chỉ'), document('Văn bằng đào tạo')],
    formSchema: [...applicantFields, field('specialty', 'Lĩnh vực hành nghề', 'Specialty', 'text')],
  },
  {
    code: '2.001610',
    agencyCode: 'QN-STC',
    nameVi: 'Đăng ký thành lập doanh nghiệp tư nhân',
    nameEn: 'Sole proprietorship registration',
    field: 'Thành lập và phát triển doanh nghiệp',
    processingHours: 24,
    onlineLevel: 'full',
    feeVnd: 50_000,
    supplementPolicy: 'restart',
    requiredDocuments: [document('Giấy đề nghị đăng ký doanh nghiệp')],
    formSchema: [...applicantFields, field('companyName', 'Tên doanh nghiệp', 'Company name', 'text')],
  },
  {
    code: '1.000656',
    agencyCode: 'QN-HL-BC',
    nameVi: 'Đăng ký khai tử',
    nameEn: 'Death registration',
    field: 'Hộ tịch',
    processingHours: 8,
    onlineLevel: 'full',
    feeVnd: 0,
    supplementPolicy: 'pause',
    requiredDocuments: [
      document('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử'),
      document('Giấy tờ tùy thân của người đi đăng ký'),
    ],
    formSchema: [
      ...applicantFields,
      field('deceasedName', 'Họ và tên người chết', 'Full name of the deceased', 'text'),
      field('dateOfDeath', 'Ngày chết', 'Date of death', 'date'),
      field('placeOfDeath', 'Nơi chết', 'Place of death', 'text'),
    ],
  },
  {
    code: '2.000635',
    agencyCode: 'QN-HL-BC',
    nameVi: 'Cấp bản sao Trích lục hộ tịch',
    nameEn: 'Copy of a civil status extract (e.g. birth certificate copy)',
    field: 'Hộ tịch',
    processingHours: 8,
    onlineLevel: 'full',
    feeVnd: 8_000,
    supplementPolicy: 'pause',
    requiredDocuments: [document('Tờ khai cấp bản sao trích lục hộ tịch')],
    formSchema: [
      ...applicantFields,
      {
        name: 'extractType',
        label: { vi: 'Loại trích lục', en: 'Kind of extract' },
        type: 'select',
        required: true,
        options: ['Khai sinh', 'Kết hôn', 'Khai tử'],
      },
      { ...field('copies', 'Số bản sao', 'Number of copies', 'number'), min: 1, max: 10 },
    ],
  },
  {
    code: '1.002809',
    agencyCode: 'QN-SXD',
    nameVi: 'Đổi giấy phép lái xe do ngành Giao thông vận tải cấp',
    nameEn: 'Exchange of a driving licence issued by the transport sector',
    field: 'Đường bộ',
    processingHours: 40,
    onlineLevel: 'full',
    feeVnd: 135_000,
    feeDue: 'at_submission',
    supplementPolicy: 'pause',
    requiredDocuments: [
      document('Đơn đề nghị đổi giấy phép lái xe'),
      document('Giấy khám sức khỏe của người lái xe'),
      document('Ảnh chân dung'),
    ],
    formSchema: [
      ...applicantFields,
      { ...field('licenceNumber', 'Số giấy phép lái xe', 'Licence number', 'text'), pattern: '^\\d{12}$' },
      {
        name: 'licenceClass',
        label: { vi: 'Hạng', en: 'Class' },
        type: 'select',
        required: true,
        options: ['A1', 'A2', 'B1', 'B2', 'C', 'D', 'E', 'F'],
      },
    ],
  },
  {
    code: '2.001827',
    agencyCode: 'QN-SNNMT',
    nameVi:
      'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh nông, lâm, thủy sản',
    nameEn: 'Food safety certificate for agricultural, forestry and fishery food establishments',
    field: 'Quản lý chất lượng nông lâm sản và thủy sản',
    processingHours: 120,
    onlineLevel: 'partial',
    feeVnd: 700_000,
    feeDue: 'at_submission',
    supplementPolicy: 'restart',
    requiredDocuments: [
      document('Đơn đề nghị cấp Giấy chứng nhận'),
      document('Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ'),
      document('Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp sản xuất', false),
    ],
    formSchema: [
      ...applicantFields,
      field('establishmentName', 'Tên cơ sở', 'Establishment name', 'text'),
      field('establishmentAddress', 'Địa chỉ cơ sở', 'Establishment address', 'text'),
      field('products', 'Sản phẩm sản xuất, kinh doanh', 'Products', 'longtext'),
    ],
  },
  {
    code: '1.012790',
    agencyCode: 'QN-SNNMT',
    nameVi: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
    nameEn: 'Replacement of a land-use right certificate',
    field: 'Đất đai',
    processingHours: 56,
    onlineLevel: 'partial',
    feeVnd: 50_000,
    supplementPolicy: 'pause',
    requiredDocuments: [document('Đơn đề nghị cấp đổi Giấy chứng nhận'), document('Giấy chứng nhận đã cấp')],
    formSchema: [
      ...applicantFields,
      field('certificateNumber', 'Số giấy chứng nhận', 'Certificate number', 'text'),
      field('reason', 'Lý do cấp đổi', 'Reason for replacement', 'longtext'),
    ],
  },
  {
    code: '2.001199',
    agencyCode: 'QN-STC',
    nameVi:
      'Đăng ký thay đổi nội dung đăng ký doanh nghiệp đối với công ty trách nhiệm hữu hạn một thành viên',
    nameEn: 'Registration of changes for a single-member limited liability company',
    field: 'Thành lập và phát triển doanh nghiệp',
    processingHours: 24,
    onlineLevel: 'full',
    feeVnd: 50_000,
    supplementPolicy: 'restart',
    requiredDocuments: [
      document('Thông báo thay đổi nội dung đăng ký doanh nghiệp'),
      document('Nghị quyết, quyết định của chủ sở hữu công ty'),
    ],
    formSchema: [
      ...applicantFields,
      field('enterpriseCode', 'Mã số doanh nghiệp', 'Enterprise code', 'text'),
      field('changes', 'Nội dung thay đổi', 'What changes', 'longtext'),
    ],
  },
];
