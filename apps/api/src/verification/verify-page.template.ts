/** The page the QR code of a result opens; handlebars escapes every value. */
export const VERIFY_PAGE_TEMPLATE = `
<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Kiểm tra kết quả {{code}} – OneGate</title>
  <link rel="stylesheet" href="/assets/onegate/css/onegate.css">
</head>
<body>
  <main class="onegate-detail">
    <h1>Kiểm tra văn bản điện tử / Verify a signed result</h1>
    <p>Mã hồ sơ / code: <strong>{{code}}</strong></p>
    {{#if exists}}
    <p><strong>OneGate đã cấp kết quả có chữ ký số cho mã hồ sơ này.</strong>
       A digitally signed result was issued under this code.</p>
    <dl>
      <dt>Ký bởi / signed by</dt><dd>{{signer}}</dd>
      <dt>Thời điểm ký / signed at</dt><dd>{{signedAtLocal}} ({{signedAt}})</dd>
      <dt>SHA-256</dt><dd><code>{{sha256}}</code></dd>
    </dl>
    <p>Văn bản bạn giữ là bản gốc, chưa bị sửa đổi, khi SHA-256 của tệp trùng với giá trị trên.
       The PDF you hold is the genuine, unaltered result when its SHA-256 is the one above.</p>
    {{else}}
    <p><strong>Không có kết quả nào được cấp với mã hồ sơ này.</strong>
       No signed result was issued under this code.</p>
    {{/if}}
    <h2>Kiểm tra tệp PDF / Check a PDF</h2>
    <form method="post" action="/api/verify" enctype="multipart/form-data">
      <label for="file">Tệp PDF kết quả / The result's PDF file</label>
      <input type="file" id="file" name="file" accept="application/pdf" required>
      <button type="submit">Kiểm tra / Check</button>
    </form>
    <p><a href="/">OneGate</a></p>
  </main>
</body>
</html>
`;
