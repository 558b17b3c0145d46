/** The sandbox's pages: a plain bank-like page, in Vietnamese with English, that works without script. */
const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

const STYLE = `body{font-family:system-ui,sans-serif;background:#eef2f7;margin:0;color:#1c2733}
main{max-width:30rem;margin:2rem auto;background:#fff;padding:1.5rem;border-radius:.5rem;box-shadow:0 1px 4px #0002}
h1{font-size:1.25rem;color:#00569e;margin-top:0}dl{display:grid;grid-template-columns:auto 1fr;gap:.5rem 1rem}
dt{color:#556}dd{margin:0;font-weight:600;overflow-wrap:anywhere}button{font-size:1rem;padding:.6rem 1rem;margin:.25rem .25rem 0 0;border-radius:.3rem;border:1px solid #00569e;cursor:pointer}
.pay{background:#00569e;color:#fff}.fail{background:#fff;color:#a61b1b;border-color:#a61b1b}.cancel{background:#fff;color:#333;border-color:#888}
small{display:block;color:#667;margin-top:1rem}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export interface CheckoutView {
  txnRef: string;
  amountVnd: number;
  orderInfo: string;
}

export function checkoutPage(view: CheckoutView): string {
  const amount = new Intl.NumberFormat('vi-VN').format(view.amountVnd);
  return page(
    'Cổng thanh toán thử nghiệm / Sandbox payment gateway',
    `<h1>Cổng thanh toán thử nghiệm<br><small>Sandbox payment gateway</small></h1>
<dl><dt>Số tiền / Amount</dt><dd>${amount} VND</dd>
<dt>Nội dung / Order</dt><dd>${escapeHtml(view.orderInfo)}</dd>
<dt>Mã giao dịch / Reference</dt><dd>${escapeHtml(view.txnRef)}</dd></dl>
<form method="post" action="/paymentv2/choose"><input type="hidden" name="txnRef" value="${escapeHtml(view.txnRef)}">
<button class="pay" name="choice" value="pay">Thanh toán / Pay</button>
<button class="fail" name="choice" value="fail">Không đủ số dư / Fail</button>
<button class="cancel" name="choice" value="cancel">Hủy / Cancel</button></form>
<small>Không có tiền thật nào được chuyển. / No real money moves here.</small>`,
  );
}

export function refusedPage(reasonVi: string, reasonEn: string): string {
  return page(
    'Giao dịch không hợp lệ / Invalid transaction',
    `<h1>${escapeHtml(reasonVi)}<br><small>${escapeHtml(reasonEn)}</small></h1>`,
  );
}
