/**
 * The self-assessment page (出境自评估, measures Art. 12): a processor chooses its zone, finds its
 * data items by name or field in Chinese or by sector, enters its year-to-date volumes and claims
 * exemptions; the runtime, bundled into the page, decides locally from the bundle's policy.json —
 * carried in the page and checked against the manifest's sha256 — and shows the pathway, the
 * reasons with their articles linked to the gazette, the obligations and what would change the
 * outcome; the page exports the export report of Art. 15 as JSON and prints to PDF. Nothing is
 * sent anywhere: the page makes no request.
 */
import type { PolicyArtifact } from '../../../runtime/artifact.js';
import { emitRuntimeArtifacts } from '../../build.js';
import { buildManifest } from '../../emit/manifest.js';
import { esc } from '../html.js';
import type { SiteInput } from '../input.js';
import { sitePage, type NavEntry } from '../layout.js';
import { compilerVersion } from '../../qingdan-package.js';
import { selfAssessmentScript } from './bundle.js';

export const SELF_ASSESSMENT_PAGE = 'self-assessment/index.html';

/** The manifest and policy.json of the build the page decides with (as `qingdan build` writes them). */
export function pageBundle(policy: PolicyArtifact, commit: string | null): { manifest: string; policy: string } {
  const files = emitRuntimeArtifacts(policy);
  const manifest = buildManifest(files, { policyVersion: policy.policyVersion, compilerVersion: compilerVersion(), commit, dirty: false });
  return { manifest: `${JSON.stringify(manifest, null, 2)}\n`, policy: files.get('policy.json')! };
}

const ZONE_OUTSIDE = '区外（不在自贸试验区或河套深圳园区）';

/** The page's files: the page and its script. */
export function selfAssessmentFiles(input: Pick<SiteInput, 'policy' | 'head' | 'date'>, nav: readonly NavEntry[]): Map<string, string> {
  const policy = input.policy;
  const bundle = pageBundle(policy, input.head);
  const zones = [...policy.zones.map((z) => `<option value="${esc(z.id)}">${esc(z.name)}</option>`), `<option value="outside">${esc(ZONE_OUTSIDE)}</option>`].join('');
  const exemptions = policy.baseline.exemptions
    .map((e) => `<li><label><input type="checkbox" class="qd-exemption" value="${esc(e.code)}"> ${esc(e.code)}：${esc(e.description)}</label></li>`)
    .join('\n');
  const body = `<h1>数据出境自评估</h1>
<p class="meta">数据处理者开展数据出境活动前，应当自主识别和认定出境数据类型、数量等，并对出境数据是否适用于负面清单进行研判（管理办法第十二条）。本页在您的浏览器中依据清单数据包本地判定，不向任何地方发送数据。判定所据策略版本：<span id="qd-version">${esc(policy.policyVersion)}</span>。</p>
<p id="qd-status" class="meta" role="status">正在载入并核验策略数据……</p>
<form id="qd-form" autocomplete="off" onsubmit="return false">
<h2>一、数据处理者</h2>
<p><label>所在区域 <select id="qd-zone">${zones}</select></label></p>
<p><label><input type="checkbox" id="qd-ciio"> 关键信息基础设施运营者</label></p>
<p><label>计划出境日期 <input type="date" id="qd-asof" value="${esc(input.date)}"></label></p>
<p><label><input type="checkbox" id="qd-preview"> 预览：草案、征求意见稿及已批准未施行的清单也参与判定（仅供参考，不作为出境依据）</label></p>
<h2>二、出境数据</h2>
<p><label>查找数据项（名称或字段） <input type="search" id="qd-search" placeholder="例如：车主"></label>
<label>或按领域 <select id="qd-sector"><option value="">（全部领域）</option></select></label></p>
<ul id="qd-results" class="qd-results"></ul>
<table id="qd-items"><caption>拟出境的数据项（自当年1月1日起累计，按自然人去重）</caption>
<thead><tr><th scope="col">数据项</th><th scope="col">个人信息（人）</th><th scope="col">敏感个人信息（人）</th><th scope="col"></th></tr></thead><tbody></tbody></table>
<p>清单数据项以外的个人信息：<label>个人信息（人） <input type="number" min="0" step="1" id="qd-pi-persons" value="0"></label>
<label>敏感个人信息（人） <input type="number" min="0" step="1" id="qd-pi-sensitive" value="0"></label></p>
<p><label><input type="checkbox" id="qd-important"> 出境数据已被有关部门告知或公开发布为重要数据</label></p>
<fieldset><legend>主张的豁免情形（《促进和规范数据跨境流动规定》第三条、第四条、第五条第一款第一项至第三项）</legend><ul class="qd-plain">
${exemptions}
</ul></fieldset>
<h2>三、判定结果</h2>
<div id="qd-result" aria-live="polite"></div>
<h2>四、数据出境情况报告（管理办法第十五条）</h2>
<p><label>数据处理者名称 <input type="text" id="qd-name"></label> <label>统一社会信用代码 <input type="text" id="qd-credit"></label></p>
<p><label>数据出境业务场景 <input type="text" id="qd-scenario"></label></p>
<p>境外接收方：<label>名称 <input type="text" id="qd-r-name"></label> <label>国家或地区 <input type="text" id="qd-r-region"></label> <label>出境目的 <input type="text" id="qd-r-purpose"></label></p>
<p class="qd-actions"><button type="button" id="qd-export">导出报告（JSON）</button> <button type="button" id="qd-print">打印 / 存为 PDF</button> <a id="qd-download" download="export-report.json" hidden>下载报告</a></p>
<p id="qd-report-status" class="meta" role="status"></p>
<pre id="qd-report" class="qd-report"></pre>
</form>
<style>
.qd-results { max-height: 18em; overflow: auto; padding-left: 1.2em; }
.qd-plain { list-style: none; padding-left: 0; }
.qd-pathway { font-size: 1.3em; font-weight: bold; }
.qd-report { white-space: pre-wrap; word-break: break-all; font-size: .8em; }
@media print { header.site, footer.site, .qd-actions, #qd-search, #qd-sector, #qd-results, .skip { display: none; } }
</style>
<script type="application/json" id="qd-bundle">${JSON.stringify({ manifest: Buffer.from(bundle.manifest).toString('base64'), policy: Buffer.from(bundle.policy).toString('base64') })}</script>
<script src="app.js"></script>
`;
  return new Map([
    [SELF_ASSESSMENT_PAGE, sitePage(body, { title: '数据出境自评估', path: SELF_ASSESSMENT_PAGE, nav, date: input.date })],
    ['self-assessment/app.js', selfAssessmentScript()],
  ]);
}
