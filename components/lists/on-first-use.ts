"use client";
import { useEffect, useSyncExternalStore } from "react";

const INPUTS = ["keydown", "pointerdown", "click", "wheel", "touchstart"] as const;

// A swap of the DOM between a press and its release would lose the click (it lands on neither
// element), so what loads while a button is held is handed over once it is released.
let pressed = false;
let afterRelease: (() => void)[] = [];
let watchingPresses = false;

function release() {
  pressed = false;
  const waiting = afterRelease;
  afterRelease = [];
  // After the click that follows the release has been dispatched.
  if (waiting.length > 0)
    window.setTimeout(() => {
      for (const run of waiting) run();
    });
}

function watchPresses() {
  if (watchingPresses) return;
  watchingPresses = true;
  window.addEventListener("pointerdown", () => (pressed = true), true);
  window.addEventListener("pointerup", release, true);
  window.addEventListener("pointercancel", release, true);
  // The window's own blur (a release outside it may never be reported); elements' blurs do not reach here.
  window.addEventListener("blur", release);
}

function whenReleased(run: () => void) {
  if (pressed) afterRelease.push(run);
  else run();
}

export type FirstUse<T> = {
  /** Starts loading now (a list's first scroll), if it has not started. */
  load: () => void;
  subscribe: (notify: () => void) => () => void;
  loaded: () => T | null;
  /** From now on, the member's first input loads it. */
  listen: () => void;
};

/**
 * A module the first paint does without: it loads with the member's first key, click, wheel or
 * touch anywhere in the page, or when `load()` is called, and is handed to the components that
 * read it (`useFirstUse`) once no pointer button is held. Until then they show the plain version
 * of themselves. A failed load (offline) is tried again on the next input.
 */
export function onFirstUse<T>(importModule: () => Promise<T>): FirstUse<T> {
  let loaded: T | null = null;
  let loading = false;
  const subscribers = new Set<() => void>();

  function stopListening() {
    for (const type of INPUTS) window.removeEventListener(type, load, true);
  }

  function listen() {
    if (loading || loaded) return;
    watchPresses();
    for (const type of INPUTS) window.addEventListener(type, load, { capture: true, passive: true });
  }

  function load() {
    if (loading || loaded) return;
    loading = true;
    stopListening();
    importModule().then(
      (module) =>
        whenReleased(() => {
          loaded = module;
          for (const notify of subscribers) notify();
        }),
      () => {
        loading = false;
        listen();
      },
    );
  }

  function subscribe(notify: () => void) {
    subscribers.add(notify);
    return () => {
      subscribers.delete(notify);
    };
  }

  return { load, subscribe, loaded: () => loaded, listen };
}

/** The module once it is there; null on the server, in the hydrating render and before. */
export function useFirstUse<T>(module: FirstUse<T>): T | null {
  useEffect(() => module.listen(), [module]);
  return useSyncExternalStore(module.subscribe, module.loaded, () => null);
}
