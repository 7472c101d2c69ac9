import * as pagefind from 'pagefind';
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
for (const language of ['en', 'zh-cn']) {
  const out = `/tmp/pf-${language}`;
  const { index } = await pagefind.createIndex({});
  await index!.addCustomRecord({ url: '/a/', content: '数据库连接池耗尽导致登录失败 database connections exhausted', language, meta: { title: 'A' } });
  await index!.writeFiles({ outputPath: out });
  for (const f of readdirSync(`${out}/index`)) {
    const text = gunzipSync(readFileSync(`${out}/index/${f}`)).toString('utf8');
    console.log(language, f, JSON.stringify(text.replace(/[^\p{L}\p{N} ]+/gu, ' ')));
  }
}
await pagefind.close();
