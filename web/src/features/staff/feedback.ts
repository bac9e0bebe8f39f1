import type { Tone } from './verdict';

let audio: AudioContext | null = null;

/** A short beep and a buzz for a verdict, where the browser allows them (never an error if not). */
export function signal(tone: Tone): void {
  try {
    navigator.vibrate?.(tone === 'ok' ? 80 : [120, 80, 120]);
  } catch {
    /* not allowed */
  }
  try {
    const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Context) return;
    audio ??= new Context();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = tone === 'ok' ? 880 : 220;
    gain.gain.value = 0.08;
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + (tone === 'ok' ? 0.12 : 0.35));
  } catch {
    /* no sound */
  }
}
