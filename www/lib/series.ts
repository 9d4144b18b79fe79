/**
 * The series on screen: one card per angle, made from the plan before anything is
 * requested, then replaced by each shot as it lands.
 */

import type { Note, Plan, Score, Shot, ShotError, Spec } from "turntable";

/** One card of the series: a planned shot, then what became of it. */
export interface CardShot {
  angle: string;
  label: string;
  seed: number;
  status: "pending" | "ok" | "fallback" | "failed" | "cancelled";
  image: string | null;
  provider: string | null;
  cache: string | null;
  ms: number | null;
  error: ShotError | null;
}

/** The series on screen: its session, spec, cards and how long its last full run took. */
export interface SeriesView {
  sessionId: string;
  spec: Spec;
  notes: Note[];
  score: Score;
  shots: CardShot[];
  ms: number | null;
}

/** A series of pending cards, one per planned shot. */
export function seriesOf(plan: Plan): SeriesView {
  const { sessionId, spec, notes, score } = plan;
  return { sessionId, spec, notes, score, shots: plan.shots.map(pending), ms: null };
}

/** The card of a shot that has been asked for and has not landed yet. */
export function pending(shot: Pick<CardShot, "angle" | "label" | "seed">): CardShot {
  const { angle, label, seed } = shot;
  const nothing = { image: null, provider: null, cache: null, ms: null, error: null };
  return { angle, label, seed, status: "pending", ...nothing };
}

/** The series with the card of `shot`'s angle replaced by the shot. */
export function withShot(series: SeriesView, shot: Shot): SeriesView {
  const { angle, label, seed, status, image, provider, cache, ms, error } = shot;
  const card: CardShot = { angle, label, seed, status, image, provider, cache, ms, error };
  return { ...series, shots: series.shots.map((s) => (s.angle === angle ? card : s)) };
}

/** The series after a cancel: every card still pending is marked cancelled. */
export function cancelPending(series: SeriesView): SeriesView {
  const cancel = (s: CardShot): CardShot =>
    s.status === "pending" ? { ...s, status: "cancelled" } : s;
  return { ...series, shots: series.shots.map(cancel) };
}
