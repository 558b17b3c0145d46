import { FormField, OnlineLevel, RequiredDocument, SupplementPolicy } from '../entities';

export interface ProcedureSeed {
  code: string;
  agencyCode: string;
  nameVi: string;
  nameEn: string;
  field: string;
  processingHours: number;
  onlineLevel: OnlineLevel;
  feeVnd: number;
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

/** A handful of real-looking procedures; processing times are in working hours (8 a day). */
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
];
