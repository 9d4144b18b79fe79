"use client";

import type { Spec } from "turntable";

import type { CardShot } from "@/lib/series";
import { duration, sentence, shotAlt } from "@/lib/words";

interface Props {
  shot: CardShot;
  spec: Spec;
  canRetry: boolean;
  onRetry: (angle: string) => void;
}

const STATUS_TEXT: Record<CardShot["status"], string> = {
  pending: "generating",
  ok: "ok",
  fallback: "fallback",
  failed: "failed",
  cancelled: "cancelled",
};

export function ShotCard({ shot, spec, canRetry, onRetry }: Props) {
  const pending = shot.status === "pending";
  const retryable = shot.status === "failed" || shot.status === "cancelled";

  return (
    <article
      className={`shot-card status-${shot.status}`}
      data-testid="shot-card"
      data-angle={shot.angle}
      data-status={shot.status}
      data-seed={shot.seed}
      data-provider={shot.provider ?? ""}
      data-cache={shot.cache ?? ""}
      aria-busy={pending}
      aria-labelledby={`shot-${shot.angle}`}
    >
      <div className="frame">
        {shot.image ? (
          <img
            src={shot.image}
            alt={shotAlt(shot.label, spec)}
            width={1024}
            height={768}
            data-testid="shot-image"
          />
        ) : (
          <div className="placeholder" aria-hidden="true">
            <span>{pending ? "Waiting for the shot…" : "No image"}</span>
          </div>
        )}
      </div>

      <div className="shot-body">
        <div className="shot-head">
          <h3 id={`shot-${shot.angle}`}>{shot.label}</h3>
          <span className={`badge badge-${shot.status}`} data-testid="shot-status">
            {STATUS_TEXT[shot.status]}
          </span>
        </div>

        <dl className="shot-facts">
          <div>
            <dt>seed</dt>
            <dd data-testid="shot-seed">{shot.seed}</dd>
          </div>
          <div>
            <dt>provider</dt>
            <dd>{shot.provider ?? "–"}</dd>
          </div>
          <div>
            <dt>cache</dt>
            <dd>{shot.cache ?? "–"}</dd>
          </div>
          <div>
            <dt>time</dt>
            <dd>{shot.ms === null ? "–" : duration(shot.ms)}</dd>
          </div>
        </dl>

        {shot.error ? (
          <p className="shot-error" data-testid="shot-error">
            {sentence(shot.error.message)}
            <code>{shot.error.code}</code>
          </p>
        ) : null}

        {retryable ? (
          <button
            type="button"
            className="secondary"
            data-testid="retry"
            disabled={!canRetry}
            onClick={() => onRetry(shot.angle)}
          >
            Retry {shot.label.toLowerCase()}
          </button>
        ) : null}
      </div>
    </article>
  );
}
