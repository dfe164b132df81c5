// The public page: reads the anonymous JSON endpoints of this gateway and shows them in Chinese or
// English. No library, no outside resource, no inline script or style (CSP default-src 'self').
// Every figure shown carries data-figure="<stable name>" and data-value="<the API's value>", and its
// text is that value formatted, so a test can check what is shown against the API.
(function () {
  'use strict';

  const LANG_KEY = 'carbon-registry.page.lang';
  const SVG = 'http://www.w3.org/2000/svg';
  const PALETTE = 8;
  const PROVINCES = { HB: { zh: '湖北', en: 'Hubei' }, GD: { zh: '广东', en: 'Guangdong' } };

  const T = {
    title: { zh: '全国碳排放权注册登记系统', en: 'National carbon market registry' },
    subtitle: {
      zh: '公开信息：以下数字均由本网关从账本读取，无需登录，任何人都可以用审计工具自行核对。',
      en: 'Public disclosure: every figure below is read from the ledger by this gateway, without a login, and can be checked by anyone with the audit tool.'
    },
    docTitle: { zh: '全国碳排放权注册登记系统 · 公开信息', en: 'National carbon market registry · public disclosure' },
    asOf: { zh: '数据截至区块', en: 'Data as of block' },
    loading: { zh: '加载中…', en: 'Loading…' },
    unavailable: { zh: '暂无', en: 'unavailable' },
    unavailableLong: { zh: '暂无：该数据暂时无法获取。', en: 'unavailable: this data cannot be read right now.' },
    none: { zh: '暂无记录', en: 'none yet' },
    'supply.h': { zh: '各产品供应量', en: 'Supply per product' },
    'supply.note': {
      zh: '按区块高度显示的发放量和流通量（持有 + 锁定）。发放量 = 持有 + 锁定 + 清缴 + 注销。',
      en: 'Issued, and in circulation (held + locked), by block height. Issued = held + locked + surrendered + cancelled.'
    },
    'supply.product': { zh: '产品', en: 'Product' },
    'supply.issued': { zh: '发放', en: 'Issued' },
    'supply.circulating': { zh: '流通', en: 'In circulation' },
    'supply.held': { zh: '持有', en: 'held' },
    'supply.locked': { zh: '锁定', en: 'locked' },
    'supply.surrendered': { zh: '清缴', en: 'Surrendered' },
    'supply.cancelled': { zh: '注销', en: 'Cancelled' },
    'supply.balanced': { zh: '平衡', en: 'Balanced' },
    'supply.balancedNote': { zh: '发放 = 持有 + 锁定 + 清缴 + 注销', en: 'issued = held + locked + surrendered + cancelled' },
    'supply.yes': { zh: '是', en: 'yes' },
    'supply.no': { zh: '否', en: 'NO' },
    'supply.tonnes': { zh: '单位：吨二氧化碳当量', en: 'tonnes CO2e' },
    'chart.x': { zh: '区块高度', en: 'block height' },
    'chart.y': { zh: '吨', en: 't' },
    'chart.issued': { zh: '发放', en: 'issued' },
    'chart.circulating': { zh: '流通（持有 + 锁定）', en: 'in circulation (held + locked)' },
    'chart.changes': { zh: '次变动', en: 'changes' },
    'chart.block': { zh: '区块', en: 'block' },
    'chart.toggle': { zh: '点击显示或隐藏', en: 'click to show or hide' },
    'compliance.h': { zh: '各省份履约情况（按年度）', en: 'Compliance per province and year' },
    'compliance.note': {
      zh: '每个重点排放单位的应清缴量（经核查的排放量）及其实际清缴量，按省份汇总。',
      en: "Each key emitting unit's obligation (its verified emissions) and what it surrendered, summed per province."
    },
    'compliance.year': { zh: '履约年度', en: 'Compliance year' },
    'compliance.province': { zh: '省份', en: 'Province' },
    'compliance.units': { zh: '单位数', en: 'Units' },
    'compliance.compliant': { zh: '已履约', en: 'Compliant' },
    'compliance.shortfall': { zh: '未足额清缴', en: 'With shortfall' },
    'compliance.open': { zh: '未完成', en: 'Open' },
    'compliance.other': { zh: '其他状态', en: 'Other status' },
    'compliance.obligation': { zh: '应清缴总量（吨）', en: 'Total obligation (t)' },
    'compliance.surrendered': { zh: '已清缴总量（吨）', en: 'Total surrendered (t)' },
    'compliance.offsetUsed': { zh: '抵销使用量（吨）', en: 'Total offsets used (t)' },
    'compliance.total': { zh: '合计', en: 'Total' },
    'compliance.noYears': { zh: '尚无履约年度数据。', en: 'No compliance year has data yet.' },
    'cancellations.h': { zh: '自愿注销', en: 'Voluntary cancellations' },
    'cancellations.note': {
      zh: '为公益目的注销的配额和减排量。个人账户不予公开。',
      en: "Units retired for a public-good purpose. An individual's account is not disclosed."
    },
    'cancellations.product': { zh: '产品', en: 'Product' },
    'cancellations.quantity': { zh: '数量（吨）', en: 'Quantity (t)' },
    'cancellations.purpose': { zh: '用途', en: 'Purpose' },
    'cancellations.beneficiary': { zh: '受益方', en: 'Beneficiary' },
    'cancellations.account': { zh: '账户', en: 'Account' },
    'cancellations.individual': { zh: '个人', en: 'individual' },
    'cancellations.count': { zh: '注销笔数', en: 'Cancellations' },
    'cancellations.totals': { zh: '合计', en: 'In total' },
    tonnes: { zh: ' 吨', en: ' t' },
    'audit.h': { zh: '最近一次审计', en: 'The last audit' },
    'audit.note': {
      zh: '网关用任何人都可以运行的同一审计工具，从原始区块审计自己的账本：哈希链、签名、背书，以及对每次写入的重放。',
      en: 'The gateway audits its own ledger from the raw blocks with the same tool anyone can run: chain, signatures, endorsements, and a replay of every write.'
    },
    'audit.status': { zh: '结果', en: 'Result' },
    'audit.ledger': { zh: '账本', en: 'Ledger' },
    'audit.lastBlock': { zh: '区块高度', en: 'Block height' },
    'audit.blocks': { zh: '区块数', en: 'Blocks' },
    'audit.transactions': { zh: '交易数', en: 'Transactions' },
    'audit.findings': { zh: '发现的问题', en: 'Findings' },
    'audit.finishedAt': { zh: '完成时间', en: 'When' },
    'audit.duration': { zh: '用时', en: 'Took' },
    'audit.seconds': { zh: '秒', en: 's' },
    'audit.pending': { zh: '审计尚未完成，本页会自动刷新此处。', en: 'The audit has not finished yet; this part refreshes by itself.' },
    'status.PASSED': { zh: '通过', en: 'passed' },
    'status.FAILED': { zh: '未通过', en: 'failed' },
    'status.RUNNING': { zh: '进行中', en: 'running' },
    'status.NOT_RUN': { zh: '尚未运行', en: 'not run yet' },
    'ledger.embedded': { zh: '嵌入式账本', en: 'embedded ledger' },
    'ledger.fabric': { zh: 'Hyperledger Fabric 网络', en: 'Hyperledger Fabric network' },
    'howto.h': { zh: '自己运行审计', en: 'Run the audit yourself' },
    'howto.intro': {
      zh: '需要 Java 17 和网关的 jar 包（gateway-app.jar，由 scripts/run.sh 或 mvn install 构建）。审计读取账本的原始数据，而不是本页面：两者都不必信任。',
      en: "You need Java 17 and the gateway's jar (gateway-app.jar, built by scripts/run.sh or mvn install). The audit reads the ledger's raw data, not this page: trust neither."
    },
    'howto.embedded': {
      zh: '嵌入式账本：使用其数据目录（日志和各机构的 CA 证书）。',
      en: "An embedded ledger: its data directory (the log and the organisations' CA certificates)."
    },
    'howto.fabric': {
      zh: 'Fabric 网络：读取你自己机构的节点（peer）的区块流（审计机构运行自己的节点，见 README）。',
      en: "Fabric: the block stream of your own organisation's peer (an auditor runs its own peer, see README)."
    },
    'howto.blocks': { zh: 'Fabric 区块文件，例如用 peer channel fetch 获取的文件。', en: 'Fabric block files, e.g. fetched with peer channel fetch.' },
    'howto.against': {
      zh: '使用以上任一数据源，核对本网关是否如实报告：它公布的供应量必须与你的重放结果一致。',
      en: 'With any source above: check that this gateway tells the truth (its supply must equal your replay).'
    },
    'howto.statement': {
      zh: '持有证明（GET /api/v1/accounts/{id}/holding-statement，由网关所属机构签名）仅凭区块即可核对，可使用以上任一数据源。',
      en: "A holding statement (GET /api/v1/accounts/{id}/holding-statement, signed by the gateway's organisation) checked against the blocks alone, from any source above."
    },
    'howto.exit': {
      zh: '退出码 0：没有问题；1：发现不一致（每一处都列出其区块和交易）；2：无法读取数据源。加 --json 输出机器可读的报告。',
      en: 'Exit status 0: nothing wrong; 1: a discrepancy (each one is listed with its block and transaction); 2: the source cannot be read. Add --json for a machine-readable report.'
    },
    'howto.thisLedger': { zh: '本网关对自己账本运行的命令：', en: 'The command this gateway runs on its own ledger:' },
    'howto.origin': { zh: '<本网关的地址>', en: "<this gateway's URL>" },
    'footer.data': { zh: '本页数据（JSON）：', en: 'The data of this page, as JSON:' }
  };

  const state = {
    lang: initialLanguage(),
    supply: null, // {data} | {error}
    history: null,
    years: null,
    compliance: {}, // year -> {data} | {error}
    year: null,
    cancellations: null,
    audit: null,
    hidden: {} // product -> true when hidden in the chart
  };

  // ---------- language ----------

  function initialLanguage() {
    let saved = null;
    try {
      saved = window.localStorage.getItem(LANG_KEY);
    } catch (e) {
      saved = null; // storage may be disabled: fall back to the browser's language
    }
    if (saved === 'zh' || saved === 'en') {
      return saved;
    }
    const nav = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
    return nav.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }

  function t(key) {
    const e = T[key];
    return e ? e[state.lang] : key;
  }

  function setLanguage(lang) {
    state.lang = lang;
    try {
      window.localStorage.setItem(LANG_KEY, lang);
    } catch (e) {
      // not remembered, still switched
    }
    renderAll();
  }

  function applyStaticText() {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('docTitle');
    document.querySelectorAll('[data-i18n]').forEach(function (node) {
      node.textContent = t(node.getAttribute('data-i18n'));
    });
    document.querySelectorAll('.lang button').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === state.lang));
    });
    document.querySelectorAll('.origin').forEach(function (node) {
      node.textContent = window.location.origin || t('howto.origin');
    });
  }

  // ---------- numbers ----------

  // Tonnes are JSON integers; one value is at most 10^15 t (Tonnes.MAX < 2^53), so JSON.parse reads
  // it exactly. Sums are BigInt, so a province's total stays exact however many units it has.
  function locale() {
    return state.lang === 'zh' ? 'zh-CN' : 'en-US';
  }

  function fmt(v) {
    if (typeof v === 'bigint') {
      return v.toLocaleString(locale());
    }
    return Number(v).toLocaleString(locale(), { maximumFractionDigits: 0 });
  }

  function compact(v) {
    return new Intl.NumberFormat(locale(), { notation: 'compact', maximumFractionDigits: 1 }).format(v);
  }

  function big(v) {
    return BigInt(Math.trunc(Number(v) || 0));
  }

  // ---------- DOM helpers (text nodes and attributes only: the ledger's strings are never parsed as markup) ----------

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svg(tag, attrs, children) {
    const node = document.createElementNS(SVG, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) {
      return;
    }
    Object.keys(attrs).forEach(function (k) {
      const v = attrs[k];
      if (v === null || v === undefined || v === false) {
        return;
      }
      if (k === 'text') {
        node.textContent = String(v);
      } else {
        node.setAttribute(k, String(v));
      }
    });
  }

  function append(node, children) {
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) {
        return;
      }
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
  }

  /** A figure: its stable name, the API's value, shown formatted. */
  function figure(tag, name, value, shown, attrs) {
    const a = Object.assign({ 'data-figure': name, 'data-value': String(value), text: shown }, attrs || {});
    return el(tag, a);
  }

  function num(tag, name, value, attrs) {
    const a = Object.assign({ class: 'num' }, attrs || {});
    return figure(tag, name, value, fmt(value), a);
  }

  function replace(id, nodes) {
    const box = document.getElementById(id);
    box.replaceChildren.apply(
      box,
      nodes.filter(function (n) {
        return n !== null && n !== undefined;
      })
    );
    return box;
  }

  function unavailable(id) {
    replace(id, [el('p', { class: 'unavailable', 'data-unavailable': 'true', text: t('unavailableLong') })]);
  }

  // ---------- fetching ----------

  async function fetchJson(url, valid) {
    const r = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-cache' });
    if (!r.ok) {
      throw new Error(url + ' answered ' + r.status);
    }
    const body = await r.json();
    if (!valid(body)) {
      throw new Error(url + ' answered an unexpected shape');
    }
    return body;
  }

  /** {data} or {error}: a section shows "unavailable" for an endpoint that fails, is missing or answers nonsense. */
  async function load(url, valid) {
    try {
      return { data: await fetchJson(url, valid) };
    } catch (e) {
      return { error: String(e && e.message ? e.message : e) };
    }
  }

  const isArray = Array.isArray;

  function loadSupply() {
    return load('/api/v1/supply', function (b) {
      return b && isArray(b.products);
    });
  }

  function loadHistory() {
    return load('/api/v1/public/supply/history', function (b) {
      return b && isArray(b.points) && typeof b.lastBlock === 'number';
    });
  }

  function loadYears() {
    return load('/api/v1/public/years', function (b) {
      return b && isArray(b.years);
    });
  }

  function loadCompliance(year) {
    return load('/api/v1/compliance/' + encodeURIComponent(year), function (b) {
      return b && isArray(b.units);
    });
  }

  function loadCancellations() {
    return load('/api/v1/cancellations', function (b) {
      return b && isArray(b.cancellations);
    });
  }

  function loadAudit() {
    return load('/api/v1/public/audit', function (b) {
      return b && typeof b.status === 'string';
    });
  }

  // ---------- (a) supply: chart and table ----------

  function products() {
    const names = new Set();
    if (state.supply && state.supply.data) {
      state.supply.data.products.forEach(function (p) {
        names.add(p.product);
      });
    }
    if (state.history && state.history.data) {
      state.history.data.points.forEach(function (p) {
        names.add(p.product);
      });
    }
    return Array.from(names).sort();
  }

  function colour(product) {
    return 'c' + (products().indexOf(product) % PALETTE);
  }

  function renderSupplyTable() {
    if (!state.supply) {
      return;
    }
    if (state.supply.error) {
      unavailable('supply-table');
      return;
    }
    const rows = state.supply.data.products.slice().sort(function (a, b) {
      return a.product < b.product ? -1 : a.product > b.product ? 1 : 0;
    });
    if (rows.length === 0) {
      replace('supply-table', [el('p', { class: 'muted', text: t('none') })]);
      return;
    }
    const head = el('tr', null, [
      el('th', { text: t('supply.product') }),
      el('th', { class: 'num', text: t('supply.issued') }),
      el('th', { class: 'num', text: t('supply.circulating') }),
      el('th', { class: 'num', text: t('supply.surrendered') }),
      el('th', { class: 'num', text: t('supply.cancelled') })
    ]);
    const body = rows.map(function (p) {
      const n = 'supply.' + p.product + '.';
      const circulating = big(p.held) + big(p.locked);
      return el('tr', null, [
        el('td', null, [
          el('span', { class: 'swatch ' + colour(p.product) }),
          p.product + ' ',
          figure('span', n + 'balanced', p.balanced, p.balanced ? '✓' : '✗', {
            class: p.balanced ? 'ok' : 'bad',
            title: t('supply.balanced') + ': ' + (p.balanced ? t('supply.yes') : t('supply.no'))
          })
        ]),
        num('td', n + 'issued', p.issued),
        el('td', { class: 'num' }, [
          figure('span', n + 'circulating', circulating, fmt(circulating)),
          el('div', { class: 'muted sub' }, [t('supply.held') + ' ', figure('span', n + 'held', p.held, fmt(p.held))]),
          el('div', { class: 'muted sub' }, [t('supply.locked') + ' ', figure('span', n + 'locked', p.locked, fmt(p.locked))])
        ]),
        num('td', n + 'surrendered', p.surrendered),
        num('td', n + 'cancelled', p.cancelled)
      ]);
    });
    replace('supply-table', [
      el('table', null, [el('thead', null, [head]), el('tbody', null, body)]),
      el('p', { class: 'note', text: t('supply.tonnes') + ' · ✓ ' + t('supply.balancedNote') })
    ]);
  }

  function niceStep(range, count) {
    const raw = range / count;
    const pow = Math.pow(10, Math.floor(Math.log10(raw)));
    const f = raw / pow;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * pow;
  }

  /** Each product's history as steps: {product, points:[{block,time,issued,circulating}]}. */
  function series() {
    const by = new Map();
    state.history.data.points.forEach(function (p) {
      if (!by.has(p.product)) {
        by.set(p.product, []);
      }
      by.get(p.product).push({
        block: Number(p.block),
        time: p.time,
        issued: Number(p.issued),
        circulating: Number(p.held) + Number(p.locked)
      });
    });
    return Array.from(by.keys())
      .sort()
      .map(function (product) {
        const pts = by.get(product).sort(function (a, b) {
          return a.block - b.block;
        });
        return { product: product, points: pts };
      });
  }

  function renderChart() {
    if (!state.history) {
      return;
    }
    if (state.history.error) {
      unavailable('supply-chart');
      replace('supply-legend', []);
      return;
    }
    const all = series();
    if (all.length === 0) {
      replace('supply-chart', [el('p', { class: 'muted', text: t('none') })]);
      replace('supply-legend', []);
      return;
    }
    const shown = all.filter(function (s) {
      return !state.hidden[s.product];
    });
    const W = 720;
    const H = 330;
    const m = { l: 64, r: 18, t: 26, b: 42 };
    const last = Math.max(
      state.history.data.lastBlock,
      ...all.map(function (s) {
        return s.points[s.points.length - 1].block;
      })
    );
    let x0 = Math.min(
      ...all.map(function (s) {
        return s.points[0].block;
      })
    );
    let x1 = last;
    if (x1 <= x0) {
      x0 = Math.max(0, x0 - 1);
      x1 = x0 + 2;
    }
    let yMax = 0;
    shown.forEach(function (s) {
      s.points.forEach(function (p) {
        yMax = Math.max(yMax, p.issued, p.circulating);
      });
    });
    const yStep = niceStep(yMax > 0 ? yMax : 1, 4);
    const yTop = Math.max(yStep, Math.ceil((yMax > 0 ? yMax : 1) / yStep) * yStep);
    const X = function (b) {
      return m.l + ((b - x0) / (x1 - x0)) * (W - m.l - m.r);
    };
    const Y = function (v) {
      return H - m.b - (v / yTop) * (H - m.t - m.b);
    };
    const nodes = [];
    for (let v = 0; v <= yTop + yStep / 2; v += yStep) {
      nodes.push(svg('line', { class: 'grid', x1: m.l, x2: W - m.r, y1: Y(v), y2: Y(v) }));
      nodes.push(svg('text', { class: 'tick', x: m.l - 6, y: Y(v) + 4, 'text-anchor': 'end', text: compact(v) }));
    }
    const xStep = Math.max(1, Math.round(niceStep(x1 - x0, 6)));
    for (let b = Math.ceil(x0 / xStep) * xStep; b <= x1; b += xStep) {
      nodes.push(svg('line', { class: 'axis', x1: X(b), x2: X(b), y1: H - m.b, y2: H - m.b + 4 }));
      nodes.push(svg('text', { class: 'tick', x: X(b), y: H - m.b + 16, 'text-anchor': 'middle', text: fmt(b) }));
    }
    nodes.push(svg('line', { class: 'axis', x1: m.l, x2: W - m.r, y1: H - m.b, y2: H - m.b }));
    nodes.push(svg('line', { class: 'axis', x1: m.l, x2: m.l, y1: m.t, y2: H - m.b }));
    nodes.push(svg('text', { class: 'axis-title', x: (m.l + W - m.r) / 2, y: H - 6, 'text-anchor': 'middle', text: t('chart.x') }));
    nodes.push(svg('text', { class: 'axis-title', x: m.l - 6, y: 14, 'text-anchor': 'end', text: t('chart.y') }));
    shown.forEach(function (s) {
      const c = colour(s.product);
      ['issued', 'circulating'].forEach(function (kind) {
        // a step line: a figure holds from the block that set it until the next change
        let d = '';
        s.points.forEach(function (p, i) {
          const x = X(p.block).toFixed(1);
          const y = Y(p[kind]).toFixed(1);
          d += i === 0 ? 'M' + x + ' ' + y : 'H' + x + 'V' + y;
        });
        d += 'H' + X(last).toFixed(1);
        nodes.push(
          svg('path', { class: 'series ' + kind + ' ' + c, d: d }, [svg('title', { text: s.product + ' · ' + t('chart.' + kind) })])
        );
      });
      if (s.points.length <= 200) {
        s.points.forEach(function (p) {
          const tip =
            s.product + ' · ' + t('chart.block') + ' ' + fmt(p.block) + (p.time ? ' · ' + p.time : '') + '\n' +
            t('chart.issued') + ' ' + fmt(p.issued) + '\n' + t('chart.circulating') + ' ' + fmt(p.circulating);
          nodes.push(svg('circle', { class: 'dot ' + c, cx: X(p.block), cy: Y(p.issued), r: 3 }, [svg('title', { text: tip })]));
        });
      }
    });
    const chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': t('supply.h') }, nodes);
    replace('supply-chart', [chart]);

    const legend = all.map(function (s) {
      const b = el('button', { type: 'button', 'aria-pressed': String(!state.hidden[s.product]), title: t('chart.toggle') }, [
        el('span', { class: 'swatch ' + colour(s.product) }),
        s.product + ' · ',
        figure('span', 'supply.history.' + s.product + '.points', s.points.length, fmt(s.points.length)),
        ' ' + t('chart.changes')
      ]);
      b.addEventListener('click', function () {
        state.hidden[s.product] = !state.hidden[s.product];
        renderChart();
      });
      return b;
    });
    legend.push(
      el('span', { class: 'key' }, [
        el('span', { class: 'solid' }),
        t('chart.issued'),
        el('span', { class: 'dashed' }),
        t('chart.circulating')
      ])
    );
    replace('supply-legend', legend);
  }

  function renderAsOf() {
    const node = document.querySelector('[data-figure="history.lastBlock"]');
    if (state.history && state.history.data) {
      node.setAttribute('data-value', String(state.history.data.lastBlock));
      node.textContent = fmt(state.history.data.lastBlock);
    } else if (state.history) {
      node.removeAttribute('data-value');
      node.textContent = t('unavailable');
    }
  }

  // ---------- (b) compliance per province and year ----------

  const KNOWN = ['COMPLIANT', 'SHORTFALL', 'OPEN'];

  function aggregate(units) {
    const by = new Map();
    units.forEach(function (u) {
      const p = u.province || '?';
      if (!by.has(p)) {
        by.set(p, { units: 0, COMPLIANT: 0, SHORTFALL: 0, OPEN: 0, other: {}, obligation: 0n, surrendered: 0n, offsetUsed: 0n });
      }
      const a = by.get(p);
      a.units += 1;
      if (KNOWN.indexOf(u.status) >= 0) {
        a[u.status] += 1;
      } else {
        a.other[u.status] = (a.other[u.status] || 0) + 1;
      }
      a.obligation += big(u.obligation);
      a.surrendered += big(u.surrendered);
      a.offsetUsed += big(u.offsetUsed);
    });
    return by;
  }

  function provinceName(code) {
    const n = PROVINCES[code];
    return n ? n[state.lang] + ' (' + code + ')' : code;
  }

  function renderYears() {
    const select = document.getElementById('year-select');
    if (!state.years) {
      return;
    }
    if (state.years.error) {
      select.replaceChildren();
      select.disabled = true;
      unavailable('compliance-table');
      return;
    }
    const years = state.years.data.years.slice().sort(function (a, b) {
      return a - b;
    });
    select.replaceChildren.apply(
      select,
      years.map(function (y) {
        return el('option', { value: y, text: String(y) });
      })
    );
    select.disabled = years.length === 0;
    if (state.year !== null) {
      select.value = String(state.year);
    }
  }

  function renderCompliance() {
    if (!state.years || state.years.error) {
      return;
    }
    if (state.year === null) {
      replace('compliance-table', [el('p', { class: 'muted', text: t('compliance.noYears') })]);
      return;
    }
    const c = state.compliance[state.year];
    if (!c) {
      replace('compliance-table', [el('p', { class: 'muted', text: t('loading') })]);
      return;
    }
    if (c.error) {
      unavailable('compliance-table');
      return;
    }
    const year = state.year;
    const by = aggregate(c.data.units);
    const provinces = Array.from(by.keys()).sort();
    const otherStatuses = new Set();
    by.forEach(function (a) {
      Object.keys(a.other).forEach(function (s) {
        otherStatuses.add(s);
      });
    });
    const others = Array.from(otherStatuses).sort();
    const head = el('tr', null, [
      el('th', { text: t('compliance.province') }),
      el('th', { class: 'num', text: t('compliance.units') }),
      el('th', { class: 'num', text: t('compliance.compliant') }),
      el('th', { class: 'num', text: t('compliance.shortfall') }),
      el('th', { class: 'num', text: t('compliance.open') }),
      others.length ? el('th', { text: t('compliance.other') }) : null,
      el('th', { class: 'num', text: t('compliance.obligation') }),
      el('th', { class: 'num', text: t('compliance.surrendered') }),
      el('th', { class: 'num', text: t('compliance.offsetUsed') })
    ]);
    const row = function (key, label, a) {
      const n = 'compliance.' + year + '.' + key + '.';
      return el('tr', { 'data-province': key }, [
        el('td', { text: label }),
        num('td', n + 'units', a.units),
        num('td', n + 'compliantUnits', a.COMPLIANT),
        num('td', n + 'shortfallUnits', a.SHORTFALL, a.SHORTFALL > 0 ? { class: 'num bad' } : null),
        num('td', n + 'openUnits', a.OPEN),
        others.length
          ? el(
              'td',
              null,
              others
                .filter(function (s) {
                  return a.other[s];
                })
                .map(function (s) {
                  return el('div', null, [s + ' ', figure('span', n + 'other.' + s, a.other[s], fmt(a.other[s]))]);
                })
            )
          : null,
        num('td', n + 'obligation', a.obligation),
        num('td', n + 'surrendered', a.surrendered),
        num('td', n + 'offsetUsed', a.offsetUsed)
      ]);
    };
    const total = { units: 0, COMPLIANT: 0, SHORTFALL: 0, OPEN: 0, other: {}, obligation: 0n, surrendered: 0n, offsetUsed: 0n };
    by.forEach(function (a) {
      ['units', 'COMPLIANT', 'SHORTFALL', 'OPEN', 'obligation', 'surrendered', 'offsetUsed'].forEach(function (k) {
        total[k] += a[k];
      });
      Object.keys(a.other).forEach(function (s) {
        total.other[s] = (total.other[s] || 0) + a.other[s];
      });
    });
    const body = provinces.map(function (p) {
      return row(p, provinceName(p), by.get(p));
    });
    const foot = provinces.length > 1 ? [row('total', t('compliance.total'), total)] : [];
    replace('compliance-table', [
      el('table', { 'data-year': year }, [el('thead', null, [head]), el('tbody', null, body), el('tfoot', null, foot)])
    ]);
  }

  async function selectYear(year) {
    state.year = year;
    renderCompliance();
    if (!state.compliance[year]) {
      state.compliance[year] = await loadCompliance(year);
    }
    if (state.year === year) {
      renderCompliance();
    }
  }

  // ---------- (c) voluntary cancellations ----------

  function isIndividual(c) {
    return c.account === null || c.account === undefined || c.holder === 'INDIVIDUAL';
  }

  function renderCancellations() {
    if (!state.cancellations) {
      return;
    }
    if (state.cancellations.error) {
      unavailable('cancellations-table');
      return;
    }
    const list = state.cancellations.data.cancellations;
    const totals = new Map();
    list.forEach(function (c) {
      totals.set(c.product, (totals.get(c.product) || 0n) + big(c.quantity));
    });
    const summary = el('p', null, [
      t('cancellations.count') + ': ',
      figure('strong', 'cancellations.count', list.length, fmt(list.length))
    ]);
    if (totals.size > 0) {
      summary.appendChild(document.createTextNode(' · ' + t('cancellations.totals') + ': '));
      Array.from(totals.keys())
        .sort()
        .forEach(function (p, i) {
          if (i > 0) {
            summary.appendChild(document.createTextNode(', '));
          }
          summary.appendChild(document.createTextNode(p + ' '));
          summary.appendChild(figure('span', 'cancellations.' + p + '.quantity', totals.get(p), fmt(totals.get(p))));
          summary.appendChild(document.createTextNode(t('tonnes')));
        });
    }
    if (list.length === 0) {
      replace('cancellations-table', [summary, el('p', { class: 'muted', text: t('none') })]);
      return;
    }
    const head = el('tr', null, [
      el('th', { text: t('cancellations.product') }),
      el('th', { class: 'num', text: t('cancellations.quantity') }),
      el('th', { text: t('cancellations.purpose') }),
      el('th', { text: t('cancellations.beneficiary') }),
      el('th', { text: t('cancellations.account') })
    ]);
    const body = list.map(function (c, i) {
      const n = 'cancellation.' + (c.requestId || i) + '.';
      const individual = isIndividual(c);
      return el('tr', null, [
        el('td', { text: c.product }),
        num('td', n + 'quantity', c.quantity),
        el('td', { text: c.purpose || '' }),
        el('td', { text: c.beneficiary || '—' }),
        figure('td', n + 'account', individual ? 'INDIVIDUAL' : c.account, individual ? t('cancellations.individual') : c.account, {
          class: individual ? 'muted' : null
        })
      ]);
    });
    replace('cancellations-table', [summary, el('table', null, [el('thead', null, [head]), el('tbody', null, body)])]);
  }

  // ---------- (d) the last audit ----------

  let auditPoll = null;

  function renderAudit() {
    if (!state.audit) {
      return;
    }
    const box = document.getElementById('audit-command');
    if (state.audit.error) {
      unavailable('audit-box');
      box.hidden = true;
      return;
    }
    const a = state.audit.data;
    const status = a.status;
    const label = T['status.' + status] ? t('status.' + status) : status;
    const when = a.finishedAt ? new Date(a.finishedAt) : null;
    const whenText = when && !isNaN(when.getTime()) ? when.toLocaleString(locale()) : '—';
    const fact = function (key, value) {
      return [el('dt', { text: t(key) }), el('dd', null, [value])];
    };
    const dl = el('dl', { class: 'facts' }, [].concat(
      fact('audit.status', figure('span', 'audit.status', status, label, { class: 'badge ' + status.toLowerCase() })),
      a.ledger ? fact('audit.ledger', figure('span', 'audit.ledger', a.ledger, T['ledger.' + a.ledger] ? t('ledger.' + a.ledger) : a.ledger)) : [],
      typeof a.lastBlock === 'number' && a.lastBlock >= 0 ? fact('audit.lastBlock', figure('span', 'audit.lastBlock', a.lastBlock, fmt(a.lastBlock))) : [],
      typeof a.blocks === 'number' ? fact('audit.blocks', figure('span', 'audit.blocks', a.blocks, fmt(a.blocks))) : [],
      typeof a.transactions === 'number' ? fact('audit.transactions', figure('span', 'audit.transactions', a.transactions, fmt(a.transactions))) : [],
      typeof a.findings === 'number'
        ? fact('audit.findings', figure('span', 'audit.findings', a.findings, fmt(a.findings), { class: a.findings > 0 ? 'bad' : 'ok' }))
        : [],
      fact('audit.finishedAt', figure('span', 'audit.finishedAt', a.finishedAt || '', whenText, { title: a.finishedAt || null })),
      typeof a.durationMs === 'number' && a.finishedAt
        ? fact('audit.duration', el('span', { text: (a.durationMs / 1000).toLocaleString(locale(), { maximumFractionDigits: 1 }) + ' ' + t('audit.seconds') }))
        : []
    ));
    const pending = status === 'RUNNING' || status === 'NOT_RUN';
    replace('audit-box', [dl, pending ? el('p', { class: 'muted', text: t('audit.pending') }) : null]);
    if (typeof a.command === 'string' && a.command) {
      document.getElementById('audit-command-text').textContent = a.command;
      box.hidden = false;
    } else {
      box.hidden = true;
    }
    if (pending && auditPoll === null) {
      auditPoll = window.setTimeout(async function () {
        auditPoll = null;
        state.audit = await loadAudit();
        renderAudit();
      }, 10000);
    }
  }

  // ---------- wiring ----------

  function renderAll() {
    applyStaticText();
    renderAsOf();
    renderChart();
    renderSupplyTable();
    renderYears();
    renderCompliance();
    renderCancellations();
    renderAudit();
  }

  async function start() {
    document.querySelectorAll('.lang button').forEach(function (b) {
      b.addEventListener('click', function () {
        setLanguage(b.getAttribute('data-lang'));
      });
    });
    document.getElementById('year-select').addEventListener('change', function (e) {
      selectYear(Number(e.target.value));
    });
    applyStaticText();
    const done = [
      loadSupply().then(function (r) {
        state.supply = r;
        renderSupplyTable();
        renderChart(); // colours follow the product list, which the supply completes
      }),
      loadHistory().then(function (r) {
        state.history = r;
        renderAsOf();
        renderChart();
        renderSupplyTable();
      }),
      loadYears().then(async function (r) {
        state.years = r;
        const years = r.data ? r.data.years : [];
        renderYears();
        if (years.length > 0) {
          await selectYear(Math.max.apply(null, years));
          renderYears();
        } else {
          renderCompliance();
        }
      }),
      loadCancellations().then(function (r) {
        state.cancellations = r;
        renderCancellations();
      }),
      loadAudit().then(function (r) {
        state.audit = r;
        renderAudit();
      })
    ];
    await Promise.all(done);
    // a test (or anyone curious) can tell when every section has its answer
    document.body.setAttribute('data-loaded', 'true');
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
