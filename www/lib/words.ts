/**
 * The page's wording, kept in one place: alt text of a shot, file names of downloads, the
 * angle presets, and how an error or a status reads.
 */

import type { Angle, Spec } from "turntable";

/** A named set of angles the form offers in one click. */
export interface Preset {
  id: string;
  label: string;
  pick: (angles: Angle[]) => string[];
}

export const PRESETS: Preset[] = [
  {
    id: "listing",
    label: "Listing set",
    pick: () => ["front-three-quarter", "side", "rear-three-quarter", "interior"],
  },
  {
    id: "exterior",
    label: "Exterior only",
    pick: (angles) => angles.filter((a) => a.exterior).map((a) => a.id),
  },
  {
    id: "walk-around",
    label: "Full walk-around",
    pick: (angles) => angles.map((a) => a.id),
  },
];

/** How a body type id reads in a sentence. */
export function bodyWord(bodyType: string): string {
  return bodyType === "suv" ? "SUV" : bodyType;
}

/** "a 2021 …", but "an 1886 …" (eighteen-something). */
function article(year: number): string {
  return String(year).startsWith("18") ? "an" : "a";
}

/** The car in words: "2021 Mazda CX-30". */
export function carName(spec: Pick<Spec, "year" | "brand" | "model">): string {
  return `${spec.year} ${spec.brand} ${spec.model}`;
}

/** "Front three-quarter view of a 2021 Mazda CX-30, red crossover". */
export function shotAlt(label: string, spec: Spec): string {
  const colour = spec.color.original.trim() || spec.color.canonical || "";
  const body = [colour, bodyWord(spec.bodyType)].filter(Boolean).join(" ");
  return `${label} view of ${article(spec.year)} ${carName(spec)}, ${body}`;
}

/** A file name part: lower case letters and digits of any script, joined by hyphens. */
export function slug(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** "mazda-cx-30-2021-front-three-quarter-2060635983.svg". */
export function shotFileName(spec: Spec, angle: string, seed: number, type: string): string {
  const stem = [slug(spec.brand), slug(spec.model), String(spec.year), angle, String(seed)];
  return `${stem.filter(Boolean).join("-")}.${extension(type)}`;
}

function extension(type: string): string {
  const mime = type.split(";")[0].trim().toLowerCase();
  const known: Record<string, string> = {
    "image/svg+xml": "svg",
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/webp": "webp",
    "image/avif": "avif",
    "image/gif": "gif",
  };
  return known[mime] ?? "img";
}

/** How the form names each field of the spec, where the module says its JSON name. */
const FIELD_LABELS: Record<string, string> = {
  brand: "Brand",
  model: "Model",
  year: "Year",
  color: "Colour",
  bodyType: "Body type",
  angles: "Angles",
};

/**
 * The text of an error thrown by the module, without the "field: " prefix it starts with,
 * and with the field called as the form labels it ("color is required" → "Colour is …").
 */
export function fieldMessage(message: string, field: string | undefined): string {
  const prefix = field ? `${field}: ` : "";
  const text = prefix && message.startsWith(prefix) ? message.slice(prefix.length) : message;
  const label = field ? FIELD_LABELS[field] : undefined;
  if (field && label && text.startsWith(`${field} `)) {
    return `${label}${text.slice(field.length)}`;
  }
  return sentence(text);
}

/** A lowercase error message as the start of a sentence. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** Milliseconds as people read them: "840 ms", "2.4 s". */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
