// The document page's script. An approval signs in <sign-pdf> with the personal preset through the
// e-office's signing service (/kyso, CSC v2: only digests leave the page). The clerk's issue reserves
// the number, then signs number, date and seal with the organisation's key in one call.
import { defineSignPdf, type KysoSignedEvent, type SignPdf } from '@kyso/components';
import { CscSigner } from '@kyso/core';
import { clerkSign, type FontFamily, fontFamily, loadImage, personalPreset, signedBytes } from '@kyso/pdf';
import { fetchBytes, postSigned, reserveNumber } from './page-api.js';

defineSignPdf();

const status = document.querySelector<HTMLElement>('[data-testid="client-status"]');
const lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
const say = (vi: string, en: string) => {
  if (status) status.textContent = lang === 'vi' ? vi : en;
};
const failed = (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  say(`Không ký được: ${message}`, `Could not sign: ${message}`);
};

let fonts: Promise<FontFamily> | undefined;
/** The bundled Liberation Serif, served beside this script. */
function loadFonts(): Promise<FontFamily> {
  fonts ??= (async () => {
    const styles = ['Regular', 'Bold', 'Italic', 'BoldItalic'] as const;
    const [regular, bold, italic, boldItalic] = await Promise.all(
      styles.map((s) => fetchBytes(`/assets/fonts/LiberationSerif-${s}.ttf`)),
    );
    return fontFamily({ regular: regular!, bold: bold!, italic: italic!, boldItalic: boldItalic! });
  })();
  return fonts;
}

/**
 * The app's own services (the signing service's TSA proxy) know the user by the session cookie; core
 * sends none by default (a third-party TSA must not see the app's cookies), so this fetch adds it.
 */
const sameOrigin: typeof fetch = (input, init) => fetch(input, { ...init, credentials: 'same-origin' });

const image = async (name: string) => loadImage(await fetchBytes(`/assets/images/${name}`));

/**
 * The official's approval: <sign-pdf> signs (its own button or ours), the page sends the result. A
 * reviewer whose initials field the draft has (the page set `field`) initials there: the signature
 * image alone, scaled into the field; the others sign the signature block with their name and title.
 */
async function prepareApproval(element: SignPdf): Promise<void> {
  const signature = await image('signature-blue.png');
  element.preset =
    element.dataset.initials === undefined
      ? personalPreset({ image: signature })
      : personalPreset({ image: signature, name: '', title: '' });
  element.fonts = loadFonts;
  element.fetch = sameOrigin;
  element.addEventListener('kyso-signed', (event) => {
    const { bytes } = (event as KysoSignedEvent).detail;
    say('Đang gửi bản đã ký…', 'Sending the signed version…');
    postSigned(element.dataset.document!, 'approve', bytes)
      .then(() => location.reload())
      .catch(failed);
  });
}

/** The clerk's step: number, date and seal, three signatures with the organisation's key. */
async function issue(button: HTMLElement): Promise<void> {
  const id = button.dataset.document!;
  say('Đang lấy số văn bản…', 'Reserving the document number…');
  const reserved = await reserveNumber(id);
  const [year, month, day] = reserved.date.split('-').map(Number) as [number, number, number];
  say(
    `Đang ký số ${reserved.text}, ngày tháng và con dấu…`,
    `Signing ${reserved.text}, the date and the seal…`,
  );
  const signer = new CscSigner({
    baseUrl: new URL('/kyso', location.href).href,
    credentialId: button.dataset.credential!,
    lang,
  });
  const current = await fetchBytes(button.dataset.src!);
  const signed = await clerkSign(current, {
    signer,
    fonts: await loadFonts(),
    number: reserved.text,
    date: { year, month, day },
    placeName: reserved.place,
    seal: await image('seal-red-36mm-300dpi.png'),
    level: 'B-T',
    tsa: { url: new URL('/kyso/tsa', location.href).href, fetch: sameOrigin },
    // the server checks revocation online when it receives the file
    revocation: { mode: 'off' },
  });
  say('Đang gửi bản ban hành…', 'Sending the issued version…');
  await postSigned(id, 'issue', await signedBytes(signed));
  location.reload();
}

const element = document.querySelector<SignPdf>('sign-pdf#signer');
if (element) prepareApproval(element).catch(failed);

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-action]')) {
  button.addEventListener('click', () => {
    button.disabled = true;
    const done = () => {
      button.disabled = false;
    };
    if (button.dataset.action === 'issue') issue(button).catch(failed).finally(done);
    else if (element) element.sign().catch(failed).finally(done);
  });
}
