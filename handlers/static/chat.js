// Minato City recruitment Q&A: the web chat. Everything from the bot or the user is set with
// textContent, never parsed as HTML, so a question such as "<script>" is shown as text.
(function () {
  'use strict';

  var UI = window.MINATO_CHAT_TEXT;

  var log = document.getElementById('log');
  var form = document.getElementById('ask');
  var input = document.getElementById('q');
  var send = document.getElementById('send');
  var langChoice = document.getElementById('lang');
  var status = document.getElementById('status');
  var viewer = document.getElementById('viewer');
  var viewerOpener = null;  // where focus goes back when the picture closes
  var state = { lang: initialLang(), busy: false, client: clientId() };

  function stored(key, value) {
    // Storage can be blocked (private mode, third-party iframes): the chat still works without it.
    try {
      if (value === undefined) { return window.localStorage.getItem(key); }
      window.localStorage.setItem(key, value);
    } catch (e) { /* keep going without storage */ }
    return value || null;
  }

  function initialLang() {
    var asked = new URLSearchParams(window.location.search).get('lang');
    var lang = asked || stored('minato-bot-lang') || 'ja';
    return UI[lang] ? lang : 'ja';
  }

  function clientId() {
    var id = stored('minato-bot-client');
    if (id && /^[A-Za-z0-9_-]{8,64}$/.test(id)) { return id; }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    id = Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    stored('minato-bot-client', id);
    return id;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function appendLinked(parent, text) {
    // Turn bare http(s) links into anchors; every piece is still plain text.
    String(text).split(/(https?:\/\/[^\s<>"'）」、。]+)/).forEach(function (part, i) {
      if (i % 2 === 1) {
        var a = el('a', '', part);
        a.href = part;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        parent.appendChild(a);
      } else if (part) {
        parent.appendChild(document.createTextNode(part));
      }
    });
  }

  function resolve(url) {
    // Server paths are made relative, so the chat also works mounted under a sub-path.
    return url.charAt(0) === '/' && url.charAt(1) !== '/' ? url.slice(1) : url;
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  // The API's 'easy' (やさしい日本語) is Japanese: HTML's lang attribute needs a real language tag.
  function htmlLang(lang) { return lang === 'easy' ? 'ja' : lang; }

  function addMessage(who, text, extraClass, lang) {
    // Each message says its own language: the page's changes with the toggle, and Japanese line breaking
    // (word-break: auto-phrase) works only on text marked lang="ja".
    var msg = el('div', 'msg ' + who + (extraClass ? ' ' + extraClass : ''));
    msg.lang = htmlLang(lang || state.lang);
    var bubble = el('div', 'bubble');
    if (who === 'bot') { appendLinked(bubble, text); } else { bubble.textContent = text; }
    msg.appendChild(bubble);
    log.appendChild(msg);
    scrollDown();
    return msg;
  }

  function addImages(msg, images) {
    (images || []).forEach(function (image) {
      var figure = el('figure');
      var img = el('img');
      img.src = resolve(image.url);
      img.alt = image.caption || '';
      img.loading = 'lazy';
      img.addEventListener('load', scrollDown);
      // Its small print is hard to read on a phone, so a tap opens the picture full-screen.
      var zoom = el('button', 'zoom');
      zoom.type = 'button';
      zoom.setAttribute('aria-haspopup', 'dialog');
      zoom.setAttribute('aria-label', UI[state.lang].enlarge + (image.caption ? ': ' + image.caption : ''));
      zoom.addEventListener('click', function () { openViewer(img, image.caption, zoom); });
      zoom.appendChild(img);
      figure.appendChild(zoom);
      if (image.caption) { figure.appendChild(el('figcaption', '', image.caption)); }
      msg.appendChild(figure);
    });
  }

  function addChips(msg, data) {
    var buttons = data.buttons || (data.suggestions || []).map(function (q) { return { label: q, question: q }; });
    if (!buttons.length) { return; }
    var row = el('div', 'chips');
    buttons.forEach(function (b) {
      var chip = el('button', 'chip', b.label || b.question);
      chip.type = 'button';
      // A suggestion is answered in the language it was offered in (an English one under an English answer
      // stays English on a Japanese page); a language button switches the chat instead.
      chip.addEventListener('click', function () {
        if (b.switch_lang) { setLang(b.switch_lang); } else { ask(b.question || b.label, b.entry_id || null, b.lang); }
      });
      if (b.lang) { chip.lang = htmlLang(b.lang); }
      row.appendChild(chip);
    });
    msg.appendChild(row);
  }

  // Material Icons' thumb_up path (Apache-2.0), drawn inline so 👍/👎 show even without an emoji font.
  var THUMB = 'M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 ' +
    '7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z';

  function thumbButton(className) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    var path = document.createElementNS(ns, 'path');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    path.setAttribute('d', THUMB);
    svg.appendChild(path);
    var button = el('button', className);
    button.appendChild(svg);
    return button;
  }

  function openViewer(img, caption, opener) {
    var picture = document.getElementById('viewer-img');
    picture.src = img.getAttribute('src');
    picture.alt = caption || '';
    picture.lang = img.closest('[lang]').lang;
    var title = document.getElementById('viewer-caption');
    title.textContent = caption || UI[state.lang].image;
    title.lang = caption ? picture.lang : state.lang;
    viewerOpener = opener;
    viewer.showModal();
    document.getElementById('viewer-close').focus();
  }

  function addFeedback(msg, logId, lang) {
    // In the answer's language, which may differ from the page's: the prompt belongs to the answer.
    var t = UI[lang] || UI[state.lang];
    var row = el('div', 'fb');
    row.lang = htmlLang(UI[lang] ? lang : state.lang);
    var note = el('span', 'fb-note', t.rate);
    var up = thumbButton('fb-up');
    var down = thumbButton('fb-down');
    [[up, true, t.helpful], [down, false, t.notHelpful]].forEach(function (spec) {
      var button = spec[0];
      button.type = 'button';
      button.setAttribute('aria-label', spec[2]);
      button.setAttribute('aria-pressed', 'false');
      button.addEventListener('click', function () { sendFeedback(logId, spec[1], button, [up, down], note, t); });
    });
    row.appendChild(note);
    row.appendChild(up);
    row.appendChild(down);
    msg.appendChild(row);
  }

  function addReply(data) {
    var msg = addMessage('bot', data.answer, '', data.lang);
    addImages(msg, data.images);
    addChips(msg, data);
    if (data.rateable && data.log_id) { addFeedback(msg, data.log_id, data.lang); }  // the engine decides
    scrollDown();
  }

  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Client-Id': state.client },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    });
  }

  function setBusy(busy) {
    state.busy = busy;
    send.disabled = busy;
  }

  function setStatus(text) {
    if (status.textContent !== (text || '')) { status.textContent = text || ''; }
    scrollDown();  // the line takes room from the log: keep the latest answer in view
  }

  function keepInBox(question, message) {
    // Nothing typed is lost: a question that could not go out waits in the box to be sent again.
    if (!input.value.trim()) { input.value = question; grow(); }
    setStatus(message);
  }

  function ask(question, entryId, lang) {
    question = String(question || '').trim();
    if (!question || state.busy) { return false; }
    if (navigator.onLine === false) { keepInBox(question, UI[state.lang].offlineKept); return false; }
    setStatus('');
    var mine = addMessage('user', question);
    setBusy(true);
    var typing = addMessage('bot', '…', 'typing');
    var body = { question: question, lang: lang || state.lang };
    if (entryId) { body.entry_id = entryId; }
    post('api/ask', body).then(function (result) {
      typing.remove();
      if (result.data.lang) { mine.lang = htmlLang(result.data.lang); }  // the language the bot read it in
      if (result.ok) { addReply(result.data); } else { addMessage('bot', result.data.answer || UI[state.lang].offline, 'notice'); }
    }).catch(function () {
      typing.remove();
      mine.remove();
      keepInBox(question, UI[state.lang].failedKept);
    }).then(function () { setBusy(false); });
    return true;
  }

  function sendFeedback(logId, helpful, pressed, buttons, note, t) {
    buttons.forEach(function (b) { b.disabled = true; });
    post('api/feedback', { log_id: logId, helpful: helpful }).then(function (result) {
      if (!result.ok) { throw new Error('feedback'); }
      pressed.setAttribute('aria-pressed', 'true');
      note.textContent = t.thanks;
    }).catch(function () {
      buttons.forEach(function (b) { b.disabled = false; });
    });
  }

  function welcome() {
    fetch('api/welcome?lang=' + state.lang).then(function (r) { return r.json(); }).then(function (data) {
      var msg = addMessage('bot', data.answer, 'welcome');
      addChips(msg, data);
    }).catch(function () { addMessage('bot', UI[state.lang].offline, 'notice'); });
  }

  function applyLang() {
    var t = UI[state.lang];
    document.documentElement.lang = htmlLang(state.lang);
    document.title = t.title;
    document.getElementById('title').textContent = t.title;
    document.getElementById('subtitle').textContent = t.subtitle;
    document.getElementById('q-label').textContent = t.label;
    input.placeholder = t.placeholder;
    send.setAttribute('aria-label', t.send);
    document.getElementById('viewer-close').setAttribute('aria-label', t.close);
    document.getElementById('lang-label').textContent = t.language;
    langChoice.value = state.lang;
  }

  function grow() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 120) + 'px';
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim() || state.busy) { return; }
    if (ask(text)) {
      input.value = '';
      grow();
    }
  });

  input.addEventListener('keydown', function (event) {
    // Enter sends, Shift+Enter breaks the line; Enter that confirms Japanese IME input does not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit', { cancelable: true }));
    }
  });
  input.addEventListener('input', grow);

  function setLang(lang) {
    if (!UI[lang] || lang === state.lang) { langChoice.value = state.lang; return; }
    state.lang = lang;
    stored('minato-bot-lang', state.lang);
    applyLang();
    welcome();
  }

  langChoice.addEventListener('change', function () { setLang(langChoice.value); });

  document.getElementById('viewer-close').addEventListener('click', function () { viewer.close(); });
  viewer.addEventListener('close', function () {
    if (viewerOpener) { viewerOpener.focus(); }
  });
  window.addEventListener('offline', function () { setStatus(UI[state.lang].offlineNow); });
  window.addEventListener('online', function () {
    setStatus(input.value.trim() ? UI[state.lang].backOnline : '');
  });

  applyLang();
  welcome();
})();
