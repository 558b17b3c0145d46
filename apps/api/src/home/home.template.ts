/** The landing page; handlebars escapes every value. */
export const HOME_TEMPLATE = `
<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>OneGate – Cổng dịch vụ công</title>
</head>
<body>
  <main>
    <h1>OneGate</h1>
    <p>Cổng dịch vụ công trực tuyến / Online public-service portal</p>
    <h2>Thủ tục hành chính / Procedures</h2>
    <ul>
      {{#each procedures}}
      <li><a href="/api/procedures/{{code}}">{{code}}</a> – {{nameVi}} ({{nameEn}}), {{agencyCode}}</li>
      {{/each}}
    </ul>
    <p><a href="/api/docs">API</a> · <a href="/health/ready">health</a></p>
  </main>
</body>
</html>
`;
