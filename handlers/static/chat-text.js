// Minato City recruitment Q&A: the words the web chat shows, in each language it speaks.
// chat.js reads them; a new language is one more block here and one more <option> in index.html.
'use strict';

window.MINATO_CHAT_TEXT = {
  ja: {
    title: '港区 職員採用 Q&A',
    subtitle: '採用・研修・働き方の質問に答えます',
    language: '言語',
    placeholder: '質問を入力してください', label: '質問', send: '送信',
    helpful: '役に立った', notHelpful: '役に立たなかった', rate: 'この回答は役に立ちましたか？',
    thanks: 'ご意見ありがとうございます', offline: '通信できませんでした。接続を確認して、もう一度お試しください。',
    enlarge: '画像を拡大', image: '画像', close: '閉じる',
    offlineNow: 'オフラインです。接続が戻ると質問を送れます。',
    offlineKept: 'オフラインのため送信していません。質問は入力欄に残してあります。接続が戻ったら送信してください。',
    failedKept: '送信できませんでした。質問は入力欄に残してあります。接続を確認して、もう一度送信してください。',
    backOnline: '接続が戻りました。送信ボタンで質問を送れます。',
  },
  en: {
    title: 'Minato City Jobs Q&A',
    subtitle: 'Hiring, training and life at work',
    language: 'Language',
    placeholder: 'Type your question', label: 'Question', send: 'Send',
    helpful: 'Helpful', notHelpful: 'Not helpful', rate: 'Was this helpful?',
    thanks: 'Thank you for your feedback', offline: 'Could not reach the bot. Check your connection and try again.',
    enlarge: 'Enlarge the picture', image: 'Picture', close: 'Close',
    offlineNow: 'You are offline. You can ask again once the connection is back.',
    offlineKept: 'You are offline, so nothing was sent. Your question is still in the box: send it when you are back online.',
    failedKept: 'Could not send. Your question is still in the box: check your connection and send it again.',
    backOnline: 'Back online. Tap send to ask your question.',
  },
  // やさしい日本語: short sentences, common words, readings for hard kanji.
  easy: {
    title: '港区 職員採用 Q&A',
    subtitle: 'しごとの しつもんに こたえます',
    language: 'ことば',
    placeholder: 'しつもんを かいてください', label: 'しつもん', send: 'おくる',
    helpful: 'やくに たった', notHelpful: 'やくに たたなかった', rate: 'この こたえは やくに たちましたか？',
    thanks: 'ありがとうございました', offline: 'つながりませんでした。インターネットを たしかめて、もう一度 おくってください。',
    enlarge: '絵（え）を 大（おお）きく する', image: '絵（え）', close: 'とじる',
    offlineNow: 'インターネットに つながっていません。つながったら、しつもんを おくることが できます。',
    offlineKept: 'インターネットに つながっていないので、おくりませんでした。しつもんは のこして あります。',
    failedKept: 'おくることが できませんでした。しつもんは のこして あります。もう一度 おくってください。',
    backOnline: 'インターネットに つながりました。おくる ボタンで しつもんを おくれます。',
  },
};
