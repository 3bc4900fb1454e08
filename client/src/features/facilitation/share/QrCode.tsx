import { useEffect, useState } from 'react';

/** The QR code of a URL as inline SVG (crisp on a projector at any size). */
export function QrCode({ url, label }: { url: string; label: string }) {
  // With the URL it was drawn for: the markup arrives a moment after the URL changes.
  const [drawn, setDrawn] = useState<{ url: string; svg: string } | null>(null);
  useEffect(() => {
    let cancelled = false;
    // Loaded on demand: only facilitators open the share panel.
    import('qrcode')
      .then(({ default: QRCode }) =>
        QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
      )
      .then((svg) => {
        if (!cancelled) setDrawn({ url, svg });
      })
      .catch(() => {
        if (!cancelled) setDrawn(null);
      });
    return () => {
      cancelled = true;
    };
  }, [url]);
  return (
    <div
      className="qr"
      role="img"
      aria-label={label}
      data-testid="share.qr"
      data-url={drawn?.url}
      // The markup is generated locally by the qrcode library from our own URL.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted SVG from the qrcode package.
      dangerouslySetInnerHTML={drawn ? { __html: drawn.svg } : undefined}
    />
  );
}
