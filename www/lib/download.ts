/**
 * "Download all shots" without a zip: one download per image, each from the object URL the
 * module made for it, under a file name that says which car, angle and seed it is.
 */

import type { Spec } from "turntable";
import { shotFileName } from "./words";

export interface Downloadable {
  angle: string;
  seed: number;
  image: string;
}

export async function downloadShots(spec: Spec, shots: Downloadable[]): Promise<number> {
  let started = 0;
  for (const shot of shots) {
    const blob = await fetch(shot.image).then((r) => r.blob());
    save(shot.image, shotFileName(spec, shot.angle, shot.seed, blob.type));
    started += 1;

    // Browsers drop some of many downloads started in the same task; space them out.
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return started;
}

function save(url: string, name: string) {
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
}
