/* XX市人民政府办公室 协同办公平台 公共脚本（演示版）
   只做页面内的小交互：打印、返回、提示、标签页切换、传阅人员选择。 */
(function () {
  'use strict';

  var toastTimer = null;
  function toast(msg) {
    var el = document.getElementById('portalToast');
    if (!el) {
      el = document.createElement('div');
      el.id = 'portalToast';
      el.className = 'toast';
      el.setAttribute('role', 'status');
      document.body.appendChild(el);
    }
    el.textContent = msg;
    el.className = 'toast show';
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { el.className = 'toast'; }, 2600);
  }

  function closest(el, selector) {
    while (el && el.nodeType === 1) {
      if (el.matches && el.matches(selector)) return el;
      el = el.parentNode;
    }
    return null;
  }

  function checkedNames(picker) {
    var names = [];
    var boxes = picker.querySelectorAll('input[type=checkbox]');
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].checked) names.push(boxes[i].value);
    }
    return names;
  }

  function refreshPicker(picker) {
    var boxes = picker.querySelectorAll('input[type=checkbox]');
    for (var i = 0; i < boxes.length; i++) {
      var lab = closest(boxes[i], 'label');
      if (lab) lab.className = boxes[i].checked ? 'on' : '';
    }
    var cnt = picker.querySelector('.pk-count b');
    if (cnt) cnt.textContent = String(checkedNames(picker).length);
  }

  document.addEventListener('click', function (e) {
    var b = closest(e.target, '[data-action]');
    if (!b) return;
    var act = b.getAttribute('data-action');
    var msg = b.getAttribute('data-msg');
    switch (act) {
      case 'print':
        e.preventDefault();
        window.print();
        break;
      case 'back':
        e.preventDefault();
        if (window.history.length > 1) window.history.back();
        else window.location.href = b.getAttribute('data-fallback') || 'todo.html';
        break;
      case 'close':
        e.preventDefault();
        window.close();
        toast('如窗口未关闭，请直接关闭浏览器标签页。');
        break;
      case 'circulate': {
        e.preventDefault();
        var picker = document.querySelector('.picker');
        var names = picker ? checkedNames(picker) : [];
        if (!names.length) { toast('请先选择传阅人员。'); break; }
        toast('已将文件传阅给：' + names.join('、') + '（演示环境，未实际发送）');
        break;
      }
      case 'pick-all':
      case 'pick-none': {
        e.preventDefault();
        var pk = closest(b, '.picker');
        var all = pk.querySelectorAll('input[type=checkbox]');
        for (var i = 0; i < all.length; i++) all[i].checked = (act === 'pick-all');
        refreshPicker(pk);
        break;
      }
      case 'download':
        break; // the attachment link downloads the file

      case 'demo':
        e.preventDefault();
        toast(msg || '该功能在演示版中暂未开放。');
        break;
      default:
        e.preventDefault();
        toast(msg || '操作成功（演示环境）。');
    }
  });

  document.addEventListener('change', function (e) {
    var pk = closest(e.target, '.picker');
    if (pk) refreshPicker(pk);
  });

  /* 标签页 */
  function activateTab(container, name) {
    var tabs = container.querySelectorAll('[data-tab]');
    var found = false;
    for (var i = 0; i < tabs.length; i++) {
      var on = tabs[i].getAttribute('data-tab') === name;
      if (on) found = true;
      tabs[i].className = 'tab' + (on ? ' active' : '');
    }
    if (!found) return;
    var panels = document.querySelectorAll('[data-panel]');
    for (var j = 0; j < panels.length; j++) {
      panels[j].className = 'tab-panel' + (panels[j].getAttribute('data-panel') === name ? ' active' : '');
    }
  }

  function init() {
    var tabBars = document.querySelectorAll('[data-tabs]');
    for (var i = 0; i < tabBars.length; i++) {
      (function (bar) {
        bar.addEventListener('click', function (e) {
          var t = closest(e.target, '[data-tab]');
          if (!t) return;
          e.preventDefault();
          activateTab(bar, t.getAttribute('data-tab'));
        });
        var h = (window.location.hash || '').replace('#', '');
        if (h) activateTab(bar, h);
      })(tabBars[i]);
    }
    var pickers = document.querySelectorAll('.picker');
    for (var k = 0; k < pickers.length; k++) refreshPicker(pickers[k]);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
