/**
 * The gentle signal at the end of the facilitator's timer: two soft tones, a sixth apart,
 * fading out. Browsers may keep audio muted until the page had a click or a key press;
 * the timer's visual pulse says the same thing then.
 */
export function playChime(): void {
  const AudioContextClass = window.AudioContext;
  if (!AudioContextClass) return;
  try {
    const audio = new AudioContextClass();
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
    setTimeout(() => void audio.close(), 2500);
  } catch {
    // No audio device: the visual signal stands alone.
  }
}
