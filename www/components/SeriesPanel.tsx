"use client";

import { useState } from "react";
import type { Score } from "turntable";

import { markUrl } from "@/lib/marks";
import type { SeriesView } from "@/lib/series";
import { bodyWord, carName, duration } from "@/lib/words";
import { ShotCard } from "./ShotCard";

interface Props {
  series: SeriesView | null;
  running: boolean;
  progress: { done: number; total: number };
  onCancel: () => void;
  onReplay: () => void;
  onNew: () => void;
  onRetry: (angle: string) => void;
  onDownload: () => void;
}

export function SeriesPanel(props: Props) {
  const { series, running, progress } = props;

  if (!series) {
    return (
      <div className="empty" data-testid="series-empty">
        <p>No series yet.</p>
        <p>
          Fill in the spec and generate: every angle is requested at once, and each shot shows
          up here as it lands.
        </p>
      </div>
    );
  }

  const mark = markUrl(series.spec.brand);
  const landed = series.shots.filter((s) => s.image).length;
  const failed = series.shots.filter((s) => s.status === "failed").length;

  return (
    <div className="series" data-testid="series" data-running={running}>
      <div className="series-head">
        {mark ? <img className="mark large" src={mark} alt={`${series.spec.brand} mark`} /> : null}
        <div>
          <p className="car" data-testid="series-car">
            {carName(series.spec)}
          </p>
          <p className="car-detail">
            {series.spec.color.original.trim()} {bodyWord(series.spec.bodyType)}
            <span
              className="swatch-dot"
              style={{ background: series.spec.color.hex }}
              aria-hidden="true"
            />
          </p>
        </div>
      </div>

      <SessionId id={series.sessionId} />

      {series.notes.length > 0 ? (
        <p className="notes" data-testid="notes">
          Read as:{" "}
          {series.notes.map((n, i) => (
            <span key={`${n.field}-${i}`}>
              {i > 0 ? ", " : ""}
              <q>{n.from}</q> → <strong>{n.to}</strong>
            </span>
          ))}
        </p>
      ) : null}

      <div className="progress-row">
        <progress
          data-testid="progress"
          max={Math.max(progress.total, 1)}
          value={progress.done}
          aria-label="Shots landed"
        />
        <span className="progress-text" aria-live="polite" data-testid="progress-text">
          {running
            ? `${progress.done} of ${progress.total} shots`
            : summary(landed, failed, series.shots.length, series.ms)}
        </span>
      </div>

      <div className="actions">
        {running ? (
          <button type="button" className="secondary" data-testid="cancel" onClick={props.onCancel}>
            Cancel
          </button>
        ) : (
          <>
            <button
              type="button"
              className="secondary"
              data-testid="replay"
              onClick={props.onReplay}
            >
              Replay series
            </button>
            <button
              type="button"
              className="secondary"
              data-testid="new-series"
              onClick={props.onNew}
            >
              New series
            </button>
            <button
              type="button"
              className="secondary"
              data-testid="download-all"
              disabled={landed === 0}
              onClick={props.onDownload}
            >
              Download all shots
            </button>
          </>
        )}
        <span className="score" title={lostPoints(series.score)}>
          prompt score {series.score.total}/100
        </span>
      </div>

      <div className="cards">
        {series.shots.map((shot) => (
          <ShotCard
            key={shot.angle}
            shot={shot}
            spec={series.spec}
            canRetry={!running}
            onRetry={props.onRetry}
          />
        ))}
      </div>
    </div>
  );
}

function SessionId({ id }: { id: string }) {
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(id);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // No clipboard access (an insecure origin, or denied): leave the id to select by hand.
      setCopied(false);
    }
  };

  return (
    <div className="session">
      <span className="session-label">Session</span>
      <code data-testid="session-id">{id}</code>
      <button type="button" className="link" data-testid="copy-session" onClick={copy}>
        {copied ? "Copied" : "Copy"}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {copied ? "Session id copied" : ""}
      </span>
    </div>
  );
}

function summary(landed: number, failed: number, total: number, ms: number | null): string {
  const time = ms === null ? "" : ` in ${duration(ms)}`;
  const failures = failed > 0 ? `, ${failed} failed` : "";
  return `${landed} of ${total} shots landed${failures}${time}`;
}

function lostPoints(score: Score): string {
  const lost = score.items.flatMap((i) => i.lost);
  return lost.length > 0 ? lost.join("; ") : "every criterion met";
}
