// extract report: draws the charts from the JSON blob in #report-data with Apache ECharts (SVG renderer), builds the
// article table, and records on <body> what it drew: data-charts (charts on the page), data-charts-rendered (charts whose
// SVG holds drawn elements), data-errors (a JSON array of the errors and console errors seen), data-report-ready.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var rows = data.rows; // [id, title, outlet, publishedAt, url, authors, achievements, isArticle, error, kind, stage]
  var charts = {};
  var NO_DATE = 'no date';
  var PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc', '#2f4554', '#c4a35a', '#61a0a8'];
  var NEUTRAL = { 'other actions': '#b0b7c3', 'other outlets': '#b0b7c3', '(no action)': '#7b8794', '(no outlet)': '#7b8794' };
  function colored(series) { var k = 0; series.forEach(function (x) { x.itemStyle = { color: NEUTRAL[x.name] || PALETTE[k++ % PALETTE.length] }; }); return series; }

  function fmt(n) { return Number(n).toLocaleString('en-US', { maximumFractionDigits: 2 }); }
  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = text; if (cls) e.className = cls; return e; }
  function monthOf(iso) { return iso && iso.length >= 7 && iso[0] >= '0' && iso[0] <= '9' ? iso.slice(0, 7) : null; }
  function union(lists) { var seen = {}; lists.forEach(function (l) { l.forEach(function (r) { seen[r] = true; }); }); return Object.keys(seen).map(Number).sort(function (a, b) { return a - b; }); }

  function chart(id) {
    var node = document.getElementById(id);
    var c = echarts.init(node, null, { renderer: 'svg' });
    charts[id] = c;
    c.on('click', function (p) { if (p.data && p.data.rows) showRows(p.data.rows, p.data.caption || p.name); });
    return c;
  }

  function empty(c, text) {
    c.setOption({ animation: false, title: { text: text, left: 'center', top: 'middle', textStyle: { color: '#7b8794', fontSize: 14 } } }, true);
  }

  // --- Article table and the filter the charts set -----------------------------------------------------------------
  var tbody = document.querySelector('#article-table tbody');
  var trs = rows.map(function (r, i) {
    var tr = document.createElement('tr');
    tr.id = 'row-' + i;
    if (r[8] !== null) tr.className = 'error';
    tr.appendChild(el('td', String(i + 1), 'n'));
    tr.appendChild(el('td', r[0]));
    var title = el('td');
    if (r[4]) { var a = el('a', r[1] || r[4]); a.href = r[4]; a.rel = 'noreferrer'; title.appendChild(a); } else { title.textContent = r[1] || ''; }
    tr.appendChild(title);
    tr.appendChild(el('td', r[2] || ''));
    tr.appendChild(el('td', r[3] || ''));
    tr.appendChild(el('td', r[8] === null ? String(r[5]) : '', 'n'));
    tr.appendChild(el('td', r[8] === null ? String(r[6]) : '', 'n'));
    tr.appendChild(el('td', r[8] !== null ? (r[9] || 'error') + (r[10] ? ' at ' + r[10] : '') + ': ' + r[8] : (r[7] ? '' : 'list page')));
    return tr;
  });
  var fragment = document.createDocumentFragment();
  trs.forEach(function (tr) { fragment.appendChild(tr); });
  tbody.appendChild(fragment);

  function showRows(list, label) {
    var wanted = {};
    list.forEach(function (r) { wanted[r] = true; });
    trs.forEach(function (tr, i) { tr.hidden = !wanted[i]; });
    document.getElementById('filter-label').textContent = 'Showing the ' + list.length + ' document(s) behind “' + label + '”.';
    document.getElementById('filter').hidden = false;
    document.getElementById('articles').scrollIntoView();
  }
  document.getElementById('filter-clear').addEventListener('click', function () {
    trs.forEach(function (tr) { tr.hidden = false; });
    document.getElementById('filter').hidden = true;
  });

  // --- Overview ----------------------------------------------------------------------------------------------------
  var h = data.health;
  document.getElementById('overview').textContent = h.documents + ' document(s) from ' + data.inputs.join(', ') + ': ' +
    h.articles + ' extracted, ' + h.errors + ' error record(s), ' + h.figures + ' achievement figure(s) in ' + data.units.length + ' unit(s).';

  // --- Achievements per month (stacked by action) and per actor, for one unit ----------------------------------------
  var unitSelect = document.getElementById('unit');
  data.units.forEach(function (u) {
    var o = el('option', u.unit + ' (' + u.count + ' figures)');
    o.value = u.unit;
    unitSelect.appendChild(o);
  });
  var monthsChart = chart('chart-months');
  var actorsChart = chart('chart-actors');

  function drawUnit(unit) {
    var u = data.units.filter(function (x) { return x.unit === unit; })[0];
    document.getElementById('unit-summary').textContent = u ? 'total ' + fmt(u.value) + ' ' + unit + (u.approx ? ' (some figures approximate: 余/多/近/约…)' : '') + ' from ' + u.count + ' figure(s) in ' + u.articles + ' article(s)' : '';
    var cells = data.byMonth.filter(function (t) { return t.unit === unit; });
    if (!cells.length) { empty(monthsChart, 'No achievement figures'); empty(actorsChart, 'No achievement figures'); return; }
    var perAction = {};
    cells.forEach(function (t) { var a = t.action || '(no action)'; perAction[a] = (perAction[a] || 0) + t.count; });
    var actions = Object.keys(perAction).sort(function (a, b) { return perAction[b] - perAction[a] || (a < b ? -1 : 1); });
    var shown = actions.slice(0, 8);
    var OTHER = 'other actions';
    if (actions.length > shown.length) shown.push(OTHER);
    var months = {};
    cells.forEach(function (t) { months[t.month || NO_DATE] = true; });
    var monthList = Object.keys(months).filter(function (m) { return m !== NO_DATE; }).sort();
    if (months[NO_DATE]) monthList.push(NO_DATE);
    var series = shown.map(function (action) {
      return {
        name: action, type: 'bar', stack: 'total', emphasis: { focus: 'series' },
        data: monthList.map(function (month) {
          var inCell = cells.filter(function (t) {
            var a = t.action || '(no action)';
            return (t.month || NO_DATE) === month && (action === OTHER ? shown.indexOf(a) < 0 : a === action);
          });
          var value = inCell.reduce(function (s, t) { return s + t.value; }, 0);
          return { value: value, count: inCell.reduce(function (s, t) { return s + t.count; }, 0), rows: union(inCell.map(function (t) { return t.rows; })), caption: month + ' · ' + action + ' (' + unit + ')' };
        })
      };
    });
    monthsChart.setOption({
      animation: false,
      tooltip: { trigger: 'item', formatter: function (p) { return p.seriesName + '<br>' + p.name + ': ' + fmt(p.value) + ' ' + unit + ' (' + p.data.count + ' figure(s), ' + p.data.rows.length + ' article(s))'; } },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 70, right: 20, top: 56, bottom: 40 },
      xAxis: { type: 'category', data: monthList },
      yAxis: { type: 'value', name: unit },
      series: colored(series)
    }, true);

    var perActor = data.byActor.filter(function (t) { return t.unit === unit; })
      .sort(function (a, b) { return b.value - a.value || b.count - a.count; }).slice(0, 20).reverse();
    actorsChart.setOption({
      animation: false,
      tooltip: { trigger: 'item', formatter: function (p) { return p.name + ': ' + fmt(p.value) + ' ' + unit + (p.data.approx ? ' (approx.)' : '') + '<br>' + p.data.count + ' figure(s) in ' + p.data.rows.length + ' article(s)'; } },
      grid: { left: 220, right: 60, top: 10, bottom: 30 },
      xAxis: { type: 'value', name: unit },
      yAxis: { type: 'category', data: perActor.map(function (t) { return t.actor || '(no actor)'; }), axisLabel: { width: 200, overflow: 'truncate' } },
      series: [{ type: 'bar', label: { show: true, position: 'right', formatter: function (p) { return fmt(p.value); } },
        data: perActor.map(function (t) { return { value: t.value, count: t.count, approx: t.approx, rows: t.rows, caption: (t.actor || '(no actor)') + ' (' + unit + ')' }; }) }]
    }, true);
  }
  unitSelect.addEventListener('change', function () { drawUnit(unitSelect.value); });

  // --- Places --------------------------------------------------------------------------------------------------------
  function drawPlaces() {
    var c = chart('chart-places');
    if (!data.places.length) { empty(c, 'No place with a division code'); return; }
    function node(n) {
      var out = { name: n.name, value: n.value, code: n.code, articles: n.articles, rows: n.rows, caption: n.name + ' (' + n.code + ')' };
      if (n.children) out.children = n.children.map(node);
      return out;
    }
    c.setOption({
      animation: false,
      tooltip: { formatter: function (p) { return p.data.name + ' ' + p.data.code + '<br>' + p.data.articles + ' article(s) name it or a place within it'; } },
      series: [{
        type: 'treemap', data: data.places.map(node), nodeClick: false, roam: false, breadcrumb: { show: false }, sort: 'desc',
        top: 4, left: 4, right: 4, bottom: 4, label: { show: true, formatter: '{b}' },
        upperLabel: { show: true, height: 20, color: '#fff' },
        levels: [
          { itemStyle: { borderColor: '#fff', borderWidth: 0, gapWidth: 3 } },
          { itemStyle: { borderColor: '#e4e7eb', borderWidth: 3, gapWidth: 1 }, upperLabel: { show: true } },
          { colorSaturation: [0.35, 0.6], itemStyle: { borderColorSaturation: 0.7, gapWidth: 1, borderWidth: 1 }, upperLabel: { show: true } }
        ]
      }]
    }, true);
  }

  // --- People and organisations --------------------------------------------------------------------------------------
  function roles(list) { return list.map(function (r) { return r[0] + (r[1] > 1 ? ' ×' + r[1] : ''); }).join('、'); }
  function drawNames(id, tableId, list, kindLabel) {
    var c = chart(id);
    if (!list.length) { empty(c, 'None named'); }
    else {
      var shown = list.slice(0, 20).reverse();
      c.setOption({
        animation: false,
        tooltip: { formatter: function (p) { var t = p.data.item; return t.name + ': ' + t.articles + ' article(s), ' + t.mentions + ' mention(s)' + (t.roles.length ? '<br>' + kindLabel + ': ' + roles(t.roles) : '') + (t.credited ? '<br>credited with ' + t.credited + ' figure(s)' : ''); } },
        grid: { left: 150, right: 40, top: 10, bottom: 30 },
        xAxis: { type: 'value', name: 'articles', minInterval: 1 },
        yAxis: { type: 'category', data: shown.map(function (t) { return t.name; }), axisLabel: { width: 140, overflow: 'truncate' } },
        series: [{ type: 'bar', data: shown.map(function (t) { return { value: t.articles, rows: t.rows, item: t, caption: t.name }; }) }]
      }, true);
    }
    var table = document.getElementById(tableId);
    var head = el('tr');
    ['name', 'articles', 'mentions', kindLabel, 'credited'].forEach(function (x, i) { head.appendChild(el('th', x, i === 1 || i === 2 || i === 4 ? 'n' : '')); });
    table.appendChild(head);
    list.forEach(function (t) {
      var tr = el('tr');
      tr.appendChild(el('td', t.name));
      tr.appendChild(el('td', String(t.articles), 'n'));
      tr.appendChild(el('td', String(t.mentions), 'n'));
      tr.appendChild(el('td', roles(t.roles) + (t.organizations && t.organizations.length ? ' (' + roles(t.organizations) + ')' : '')));
      tr.appendChild(el('td', t.credited ? String(t.credited) : '', 'n'));
      tr.addEventListener('click', function () { showRows(t.rows, t.name); });
      table.appendChild(tr);
    });
  }

  // --- Articles per month by outlet ----------------------------------------------------------------------------------
  function drawOutlets() {
    var c = chart('chart-outlets');
    var extracted = [];
    rows.forEach(function (r, i) { if (r[8] === null) extracted.push(i); });
    if (!extracted.length) { empty(c, 'No extracted documents'); return; }
    var perOutlet = {};
    extracted.forEach(function (i) { var o = rows[i][2] || '(no outlet)'; perOutlet[o] = (perOutlet[o] || 0) + 1; });
    var outlets = Object.keys(perOutlet).sort(function (a, b) { return perOutlet[b] - perOutlet[a] || (a < b ? -1 : 1); });
    var shown = outlets.slice(0, 10);
    var OTHER = 'other outlets';
    if (outlets.length > shown.length) shown.push(OTHER);
    var months = {};
    extracted.forEach(function (i) { months[monthOf(rows[i][3]) || NO_DATE] = true; });
    var monthList = Object.keys(months).filter(function (m) { return m !== NO_DATE; }).sort();
    if (months[NO_DATE]) monthList.push(NO_DATE);
    var cells = {};
    extracted.forEach(function (i) {
      var o = rows[i][2] || '(no outlet)';
      var key = (shown.indexOf(o) >= 0 ? o : OTHER) + '\u0000' + (monthOf(rows[i][3]) || NO_DATE);
      (cells[key] = cells[key] || []).push(i);
    });
    c.setOption({
      animation: false,
      tooltip: { trigger: 'item', formatter: function (p) { return p.seriesName + '<br>' + p.name + ': ' + p.value + ' document(s)'; } },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 50, right: 20, top: 56, bottom: 40 },
      xAxis: { type: 'category', data: monthList },
      yAxis: { type: 'value', name: 'documents', minInterval: 1 },
      series: colored(shown.map(function (o) {
        return { name: o, type: 'bar', stack: 'total', emphasis: { focus: 'series' },
          data: monthList.map(function (m) { var list = cells[o + '\u0000' + m] || []; return { value: list.length, rows: list, caption: o + ' · ' + m }; }) };
      }))
    }, true);
  }

  // --- Health ---------------------------------------------------------------------------------------------------------
  function drawHealth() {
    var cards = document.getElementById('health-cards');
    [['documents', h.documents], ['extracted', h.articles], ['error records', h.errors], ['without publish date', h.withoutPublishedAt],
     ['without authors', h.withoutAuthors], ['without achievements', h.withoutAchievements], ['list pages', h.listPages],
     ['unreadable lines', h.unreadableLines]].forEach(function (x) {
      var card = el('div', null, 'card'); card.appendChild(el('b', fmt(x[1]))); card.appendChild(el('span', x[0])); cards.appendChild(card);
    });
    var bars = [];
    function pick(label, test) { var list = []; rows.forEach(function (r, i) { if (test(r)) list.push(i); }); bars.push({ name: label, value: list.length, rows: list, caption: label }); }
    pick('without publish date', function (r) { return r[8] === null && r[3] === null; });
    pick('without authors', function (r) { return r[8] === null && r[5] === 0; });
    pick('without achievements', function (r) { return r[8] === null && r[6] === 0; });
    pick('list pages', function (r) { return r[8] === null && !r[7]; });
    Object.keys(h.errorsByKind).forEach(function (kind) { pick('error: ' + kind, function (r) { return r[8] !== null && (r[9] || 'unknown') === kind; }); });
    var c = chart('chart-health');
    c.setOption({
      animation: false,
      tooltip: { formatter: function (p) { return p.name + ': ' + p.value + ' of ' + h.documents + ' document(s)'; } },
      grid: { left: 170, right: 50, top: 10, bottom: 30 },
      xAxis: { type: 'value', name: 'documents', minInterval: 1 },
      yAxis: { type: 'category', data: bars.map(function (b) { return b.name; }).reverse() },
      series: [{ type: 'bar', label: { show: true, position: 'right' }, data: bars.slice().reverse().map(function (b) {
        return { value: b.value, rows: b.rows, caption: b.caption, itemStyle: { color: b.name.indexOf('error') === 0 ? '#d64545' : '#e8a33d' } };
      }) }]
    }, true);
    var pipeline = document.getElementById('pipeline');
    [['extract version', data.tool.version]].concat(data.tool.options).concat([['error records by stage', Object.keys(h.errorsByStage).map(function (k) { return k + ' ' + h.errorsByStage[k]; }).join(', ') || 'none']])
      .forEach(function (x) { var tr = el('tr'); tr.appendChild(el('th', x[0])); tr.appendChild(el('td', x[1])); pipeline.appendChild(tr); });
  }

  function run(name, f) { try { f(); } catch (e) { window.reportErrors.push(name + ': ' + (e && e.stack || e)); } }
  run('achievements', function () { if (data.units.length) { drawUnit(data.units[0].unit); } else { drawUnit(null); } });
  run('places', drawPlaces);
  run('people', function () { drawNames('chart-people', 'people-table', data.people, 'roles'); });
  run('organisations', function () { drawNames('chart-organizations', 'organizations-table', data.organizations, 'kind'); });
  run('outlets', drawOutlets);
  run('health', drawHealth);
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });

  // What drew: a chart counts when its SVG holds drawn shapes or text.
  var nodes = document.querySelectorAll('.chart');
  var rendered = 0;
  nodes.forEach(function (n) { var svg = n.querySelector('svg'); if (svg && svg.querySelectorAll('path, rect, text').length > 0) rendered++; });
  document.body.setAttribute('data-charts', String(nodes.length));
  document.body.setAttribute('data-charts-rendered', String(rendered));
  document.body.setAttribute('data-errors', JSON.stringify(window.reportErrors));
  document.body.setAttribute('data-report-ready', 'true');
})();
