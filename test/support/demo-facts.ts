/** What the demo seed contains, written out independently of the seed code. */
export const DEMO_AGENCIES_COUNT = 8;
export const DEMO_PROCEDURE_CODES = [
  '1.000656',
  '1.000894',
  '1.001193',
  '1.001612',
  '1.002809',
  '1.009972',
  '1.010000',
  '1.012790',
  '1.012795',
  '2.000488',
  '2.000635',
  '2.001199',
  '2.001610',
  '2.001827',
];

/** Business household registration: Ha Long City, 24 working hours, 100,000 VND, restart policy. */
export const HOUSEHOLD = '1.001612';
export const HOUSEHOLD_DOCUMENT = 'Giấy đề nghị đăng ký hộ kinh doanh';
export const HOUSEHOLD_FORM = {
  fullName: 'Nguyễn Văn A',
  nationalId: '022090001234',
  phone: '0912345678',
  businessName: 'Tạp hoá Bình An',
  capital: 50_000_000,
};

/** Criminal record certificate: Department of Justice, 80 working hours, pause policy. */
export const RECORD = '2.000488';
export const RECORD_DOCUMENT = 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp';
export const RECORD_FORM = {
  fullName: 'Nguyễn Văn A',
  nationalId: '022090001234',
  phone: '0912345678',
  purpose: 'Xin việc',
};
