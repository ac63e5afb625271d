import { runReadingFlow } from '@/lib/content/reading-flow';
import { detectArticle } from '@/lib/detect/detect-article';
import { extractText } from '@/lib/extract/extract-text';
import { sendMessage } from '@/lib/messages';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    void runReadingFlow({
      doc: document,
      url: location.href,
      detect: detectArticle,
      extract: extractText,
      analyze: (article) => sendMessage('analyzeArticle', article),
      skipped: (page) => sendMessage('pageSkipped', page),
    });
  },
});
