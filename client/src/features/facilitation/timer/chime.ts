/**
 * The gentle signal at the end of the facilitator's timer: two soft tones, a sixth apart,
 * fading out. Browsers keep audio muted until the page had a click or a key press: the
 * facilitator's gestures while a timer runs unlock one audio context (`unlockAudio`), which
 * the chime then uses when the time runs out with nobody touching the laptop. Still muted
 * (a reload, then no gesture), the timer's pulse and the "time is up" notice say it alone.
 */
let shared: AudioContext | null = null;

function audioContext(): AudioContext | null {
  const AudioContextClass = window.AudioContext;
  if (!AudioContextClass) return null;
  if (shared === null || shared.state === 'closed') shared = new AudioContextClass();
  return shared;
}

/** Called on the facilitator's clicks and key presses while a timer runs. */
export function unlockAudio(): void {
  try {
    const audio = audioContext();
    if (audio?.state === 'suspended') void audio.resume().catch(() => {});
  } catch {
    // No audio device: nothing to unlock.
  }
}

export function playChime(): void {
  try {
    const audio = audioContext();
    if (!audio) return;
    if (audio.state === 'suspended') void audio.resume().catch(() => {});
    const start = audio.currentTime + 0.05;
    [659.25, 1046.5].forEach((frequency, i) => {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      const at = start + i * 0.35;
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.12, at + 0.04);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.2);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + 1.25);
    });
  } catch {
    // No audio device: the visual signal stands alone.
  }
}
