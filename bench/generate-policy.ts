/**
 * A deterministic generator of large policies for benchmarks: the real documents, annex,
 * national baseline and zones read from `policy/`, plus generated negative lists holding
 * exactly N declarations (list items) of realistic size and shape.
 *
 * Shape (defaults): ~10 items per scenario, ~100 items per list, ~1000 items per file; every
 * list has a sector, the four zones, status draft, effective 2027-01-01 until 2028-07-01 and
 * basis measures.art10. About a quarter of the items are `important`; the rest carry a
 * threshold ladder drawn from a set of shapes whose rungs neither overlap nor leave gaps, so
 * the generated policy compiles with zero diagnostics.
 *
 * Deterministic for a given seed: all randomness comes from a small seeded PRNG (mulberry32).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Source } from '../compiler/source.js';
import type { PolicyArtifact } from '../runtime/artifact.js';

export interface GenerateOptions {
  /** Items per generated file (default 1000). */
  readonly itemsPerFile?: number;
  /** Items per list (default 100). */
  readonly itemsPerList?: number;
  /** Mean items per scenario (default 10; actual sizes vary 8–12). */
  readonly itemsPerScenario?: number;
  /** Folder the generated files pretend to live in (default `policy/generated`). */
  readonly dir?: string;
}

/** The real policy files the generated lists rest on (documents, annex, baseline, zones). */
export const REAL_POLICY_FILES = ['measures.qd', 'annex.qd', 'national.qd', 'zones.qd'] as const;

const POLICY_DIR = new URL('../policy/', import.meta.url);

/** The real policy's files, with paths as `policy/<name>`. */
export function realPolicySources(): Source[] {
  return REAL_POLICY_FILES.map((name) => ({
    path: `policy/${name}`,
    text: readFileSync(fileURLToPath(new URL(name, POLICY_DIR)), 'utf8').replace(/^\uFEFF/, ''),
  }));
}

// ---- PRNG ------------------------------------------------------------------------------------

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded random source for generated policies and request mixes. */
export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** `n` distinct elements of `xs`, in random order. */
  sample<T>(xs: readonly T[], n: number): T[] {
    const copy = [...xs];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }
}

// ---- vocabulary --------------------------------------------------------------------------------

const ZONES = 'nansha, qianhai-shekou, hengqin, hetao-shenzhen';

/** Scenario slug → title. Slugs are disjoint from item slugs so ids never collide. */
const SCENARIOS: readonly (readonly [string, string])[] = [
  ['rd', '研发设计'],
  ['manufacturing', '生产制造'],
  ['after-sales', '售后服务'],
  ['marketing', '市场营销'],
  ['procurement', '采购与供应链'],
  ['logistics', '物流运输'],
  ['hr', '跨境人力资源管理'],
  ['finance', '财务结算'],
  ['customer-service', '客户服务'],
  ['operations', '运营维护'],
  ['compliance', '合规审计'],
  ['clinical', '临床研究'],
  ['trading', '国际贸易'],
  ['platform', '平台服务'],
  ['testing', '试验验证'],
  ['energy', '能源服务'],
];

/** Item slug → title stem; combined with a subject for the title. */
const ITEM_KINDS: readonly (readonly [string, string])[] = [
  ['customer-pi', '客户个人信息'],
  ['employee-pi', '员工个人信息'],
  ['account-info', '账户信息'],
  ['transaction-records', '交易记录'],
  ['device-logs', '设备运行日志'],
  ['location-data', '位置轨迹数据'],
  ['health-records', '健康档案数据'],
  ['contact-info', '联系人信息'],
  ['order-data', '订单数据'],
  ['survey-results', '调研问卷数据'],
  ['test-data', '试验测试数据'],
  ['design-docs', '设计图纸资料'],
  ['ops-metrics', '运营统计数据'],
  ['payment-info', '支付信息'],
  ['biometric', '生物识别信息'],
  ['membership', '会员信息'],
  ['supplier-info', '供应商信息'],
  ['risk-control', '风控数据'],
  ['network-topology', '网络拓扑数据'],
  ['maintenance', '维修保养记录'],
];

const SUBJECTS = ['', '境内', '用户', '车主', '患者', '投保人', '会员', '乘客', '学员', '终端', '门店', '合作方', '区域'];

const FIELDS = [
  '姓名', '手机号码', '证件号码', '电子邮箱', '联系地址', '出生日期', '性别', '国籍', '职务', '工号',
  '银行卡号', '开户行', '支付账号', '交易金额', '交易时间', '订单编号', '商品名称', '收货地址', '物流单号', '发票抬头',
  '设备编号', '软件版本', '故障码', '运行时长', '定位坐标', '行驶轨迹', '采集时间', '采集位置', '面部图像', '指纹特征',
  '诊断结果', '病历摘要', '用药记录', '检验报告', '过敏史', '体检数据', '保单号码', '理赔记录', '信用评分', '风险等级',
  '登录日志', '浏览记录', '设备标识符', '网络地址', '会员等级', '积分余额', '问卷答复', '满意度评分', '合同编号', '供应商名称',
  '生产批次', '工艺参数', '质检结果', '库存数量', '报关单号', '航班信息', '住宿记录', '签证类型', '教育经历', '薪酬信息',
];

const PURPOSES = [
  '为提供跨境售后服务', '为履行国际贸易合同', '为开展全球研发协同', '为实施跨境人力资源管理', '为完成跨境支付结算',
  '为开展国际临床研究', '为向境外总部报送经营数据', '为提供跨境物流服务', '为开展产品质量分析', '为保障跨境业务安全运行',
];
const VERBS = ['收集', '处理', '汇聚', '存储', '传输', '加工'];
const TAILS = [
  '包含可识别特定自然人的信息', '可能涉及敏感个人信息', '按自然人去重累计计算', '数据量级随业务规模增长',
  '不含位置信息及生物识别信息', '需按照清单确定出境路径', '由境外接收方用于同类用途', '应当采取加密等安全措施',
  '涉及多个片区的数据处理者', '能够反映区域经济运行状况',
];

// ---- thresholds --------------------------------------------------------------------------------

/** Ways of writing a volume; each entry renders a value (in persons) as the drafter might. */
function writeVolume(rng: Rng, n: number): string {
  const r = rng.float();
  if (n >= 10_000 && n % 10_000 === 0) {
    if (r < 0.7) return `${n / 10_000}万`;
    if (n >= 100_000_000 && n % 100_000_000 === 0 && r < 0.8) return `${n / 100_000_000}亿`;
    if (r < 0.85) return n.toLocaleString('en-US').replace(/,/g, '_');
    return String(n);
  }
  if (n >= 10_000 && n % 1_000 === 0 && r < 0.5) return `${n / 10_000}万`; // e.g. 1.5万 (integral)
  return String(n);
}

/** Upper rung thresholds (assessment) and lower thresholds (contract) per measure, in persons. */
const PERSONS_HIGH = [300_000, 500_000, 800_000, 1_000_000, 1_000_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 100_000_000];
const PERSONS_LOW = [10_000, 15_000, 50_000, 100_000, 100_000, 100_000, 200_000];
const SENSITIVE_HIGH = [1_000, 5_000, 10_000, 10_000, 10_000, 20_000, 50_000, 100_000];
const SENSITIVE_LOW = [0, 1, 1, 1, 100, 500];

type MeasureName = 'persons' | 'sensitive';

interface Band {
  readonly lo: number;
  readonly hi: number;
}

function pickBand(rng: Rng, measure: MeasureName): Band {
  const highs = measure === 'persons' ? PERSONS_HIGH : SENSITIVE_HIGH;
  const lows = measure === 'persons' ? PERSONS_LOW : SENSITIVE_LOW;
  const hi = rng.pick(highs);
  const lo = rng.pick(lows.filter((l) => l < hi));
  return { lo, hi };
}

/** `measure >= hi` written one of a few equivalent ways. */
function upper(rng: Rng, m: MeasureName, hi: number): string {
  return rng.chance(0.9) || hi === 0 ? `${m} >= ${writeVolume(rng, hi)}` : `${m} > ${hi - 1}`;
}

/** `[lo, hi)` written as a range or as a conjunction. */
function band(rng: Rng, m: MeasureName, lo: number, hi: number): string {
  const r = rng.float();
  if (lo === 0) return r < 0.5 ? `${m} < ${writeVolume(rng, hi)}` : `${m} <= ${hi - 1}`;
  if (r < 0.8) return `${m} in ${writeVolume(rng, lo)}..${writeVolume(rng, hi)}`;
  return `${m} >= ${writeVolume(rng, lo)} and ${m} < ${writeVolume(rng, hi)}`;
}

/** The rung lines of a threshold ladder that passes the overlap, gap and monotonicity rules. */
function ladder(rng: Rng): string[] {
  const shape = rng.float();
  const measures: MeasureName[] = shape < 0.5 ? ['persons', 'sensitive'] : shape < 0.8 ? ['persons'] : ['sensitive'];
  const bands = measures.map((m) => ({ m, ...pickBand(rng, m) }));
  const lines: string[] = [];
  const variant = rng.float();
  if (variant < 0.8) {
    // assessment on top, contract below
    let top = bands.map((b) => upper(rng, b.m, b.hi)).join(' or ');
    if (bands.some((b) => b.m === 'sensitive') && rng.chance(0.15)) top += ` or (sensitive >= ${writeVolume(rng, 1_000)} and kinds any [bank-account, medical])`;
    if (rng.chance(0.05)) top = `${top} or ciio`;
    lines.push(`assessment when ${top}`);
    lines.push(`contract when ${bands.map((b) => band(rng, b.m, b.lo, b.hi)).join(' or ')}`);
    if (rng.chance(0.08)) {
      // an explicit exempt rung below the contract rung (for measures whose contract band starts above 1)
      const lower = bands.filter((b) => b.lo > 1);
      if (lower.length > 0) lines.push(`exempt when ${lower.map((b) => band(rng, b.m, 0, b.lo)).join(' or ')}`);
    }
  } else if (variant < 0.9) {
    lines.push(`assessment when ${bands.map((b) => upper(rng, b.m, b.hi)).join(' or ')}`);
  } else {
    lines.push(`contract when ${bands.map((b) => upper(rng, b.m, b.lo === 0 ? 1 : b.lo)).join(' or ')}`);
  }
  return lines;
}

// ---- text --------------------------------------------------------------------------------------

function description(rng: Rng, title: string): string {
  let s = `${rng.pick(PURPOSES)}而${rng.pick(VERBS)}的${title}`;
  const tails = rng.sample(TAILS, TAILS.length);
  let i = 0;
  while (s.length < 30) s += `，${tails[i++]!}`;
  if (s.length < 50 && rng.chance(0.5)) s += `，${tails[i++]!}`;
  if (s.length > 59) s = s.slice(0, 59).replace(/，$/, '');
  return `${s}。`;
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Subcategory codes and names, read from the annex so list titles name real sectors. */
function sectors(annexText: string): { code: string; name: string }[] {
  const out: { code: string; name: string }[] = [];
  for (const m of annexText.matchAll(/\bsub (S\d\d) "([^"]+)"/g)) out.push({ code: m[1]!, name: m[2]! });
  return out;
}

// ---- generator ---------------------------------------------------------------------------------

/**
 * The real policy files plus generated lists totalling exactly `declarations` items.
 * The same (declarations, seed, options) always gives the same sources, byte for byte.
 */
export function generatePolicy(declarations: number, seed = 1, options: GenerateOptions = {}): Source[] {
  const itemsPerFile = options.itemsPerFile ?? 1000;
  const itemsPerList = options.itemsPerList ?? 100;
  const itemsPerScenario = options.itemsPerScenario ?? 10;
  const dir = options.dir ?? 'policy/generated';
  const rng = new Rng(seed);
  const real = realPolicySources();
  const sectorList = sectors(real.find((s) => s.path.endsWith('annex.qd'))!.text);
  if (sectorList.length === 0) throw new Error('generatePolicy: no subcategories found in annex.qd');

  const out: Source[] = [...real];
  let remaining = Math.max(0, Math.floor(declarations));
  let fileIndex = 0;
  let listIndex = 0;
  while (remaining > 0) {
    fileIndex++;
    const lines: string[] = [
      `// Generated by bench/generate-policy.ts (seed ${seed}, file ${fileIndex}). Not a real negative list.`,
      '',
    ];
    let inFile = Math.min(itemsPerFile, remaining);
    remaining -= inFile;
    while (inFile > 0) {
      listIndex++;
      let inList = Math.min(itemsPerList, inFile);
      inFile -= inList;
      const sector = rng.pick(sectorList);
      const listId = `${sector.code.toLowerCase()}-list-${String(listIndex).padStart(5, '0')}`;
      lines.push(`list ${listId} ${quote(`${sector.name}领域数据出境负面清单（生成样例第${listIndex}号）`)} {`);
      lines.push(`  sector ${sector.code}`);
      lines.push(`  zones ${ZONES}`);
      lines.push('  status draft');
      lines.push('  effective 2027-01-01 until 2028-07-01');
      lines.push('  basis measures.art10');
      lines.push(`  note ${quote('本清单为基准测试生成的示意清单，并非已备案的广东自贸试验区数据出境负面清单。')}`);
      if (rng.chance(0.5)) lines.push(`  note ${quote('本清单所列数据量级为自当年1月1日起累计向境外提供的自然人数量，按自然人去重计算。')}`);
      let scenarioIndex = 0;
      let itemIndex = 0;
      while (inList > 0) {
        scenarioIndex++;
        const size = Math.min(inList, rng.int(itemsPerScenario - 2, itemsPerScenario + 2));
        inList -= size;
        const [slug, title] = rng.pick(SCENARIOS);
        lines.push('');
        lines.push(`  scenario ${slug}-${scenarioIndex} ${quote(title)} {`);
        for (let k = 0; k < size; k++) {
          itemIndex++;
          const [itemSlug, stem] = rng.pick(ITEM_KINDS);
          const itemTitle = `${rng.pick(SUBJECTS)}${stem}`;
          const category = `S${String(rng.int(1, 40)).padStart(2, '0')}`;
          const fields = rng.sample(FIELDS, rng.int(3, 6));
          lines.push(`    item ${itemSlug}-${itemIndex} ${quote(itemTitle)} {`);
          lines.push(`      category ${category}`);
          lines.push(`      fields ${fields.map(quote).join(', ')}`);
          lines.push(`      description ${quote(description(rng, itemTitle))}`);
          if (rng.chance(0.25)) lines.push('      important');
          else for (const rung of ladder(rng)) lines.push(`      ${rung}`);
          if (rng.chance(0.1)) lines.push(`      basis ${rng.pick(['measures.art10', 'measures.art13', 'measures.art14'])}`);
          if (rng.chance(0.05)) lines.push(`      note ${quote('本数据项的数量门槛为示意数值。')}`);
          lines.push('    }');
        }
        lines.push('  }');
      }
      lines.push('}');
      lines.push('');
    }
    out.push({ path: `${dir}/gen-${String(fileIndex).padStart(4, '0')}.qd`, text: lines.join('\n') });
  }
  return out;
}

/** The number of list items (declarations) in a compiled artifact. */
export function countItems(artifact: PolicyArtifact): number {
  let n = 0;
  for (const list of artifact.lists) for (const s of list.scenarios) n += s.items.length;
  return n;
}

/** Total UTF-8 size of the sources in bytes. */
export function sourceBytes(sources: readonly Source[]): number {
  let n = 0;
  for (const s of sources) n += Buffer.byteLength(s.text, 'utf8');
  return n;
}
