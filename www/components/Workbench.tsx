"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Studio, checkSpec, plan } from "turntable";
import type { Plan, Shot, SpecInput } from "turntable";

import { downloadShots } from "@/lib/download";
import { type SeriesView, cancelPending, pending, seriesOf, withShot } from "@/lib/series";
import {
  type Catalogue,
  type Health,
  asTurntableError,
  isAbort,
  loadTurntable,
  workerEndpoint,
  workerHealth,
} from "@/lib/turntable";
import { fieldMessage } from "@/lib/words";
import { SeriesPanel } from "./SeriesPanel";
import { type FieldErrors, SpecForm, type SpecValues } from "./SpecForm";

const FIRST_SPEC: SpecValues = {
  brand: "",
  model: "",
  year: "",
  color: "",
  bodyType: "sedan",
  angles: ["front-three-quarter", "side", "rear-three-quarter", "interior"],
};

/** A shot still without an image by then ends as failed ("timeout"), with a Retry button. */
const SHOT_DEADLINE_MS = 90_000;

/** A run of `generate` in flight: the whole series, a replay, or the retry of one angle. */
interface Run {
  token: number;
  controller: AbortController;
}

/** The page's working part: loads the module, holds the spec and the series. */
export function Workbench() {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [health, setHealth] = useState<Health | "down" | null>(null);

  const [values, setValues] = useState<SpecValues>(FIRST_SPEC);
  const [submitted, setSubmitted] = useState(false);
  const [series, setSeries] = useState<SeriesView | null>(null);
  const [input, setInput] = useState<SpecInput | null>(null);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [run, setRun] = useState<Run | null>(null);
  const [banner, setBanner] = useState<string | null>(null);

  const formRef = useRef<HTMLFormElement>(null);
  const seriesRef = useRef<HTMLElement>(null);
  const tokens = useRef(0);
  const objectUrls = useRef(new Set<string>());

  useEffect(() => {
    setEndpoint(workerEndpoint(window.location.search));
    loadTurntable().then(setCatalogue, (err) => setLoadError(asTurntableError(err).message));
  }, []);

  useEffect(() => {
    if (!endpoint) {
      return;
    }
    const controller = new AbortController();
    workerHealth(endpoint, controller.signal).then(setHealth, () => {
      if (!controller.signal.aborted) {
        setHealth("down");
      }
    });
    return () => controller.abort();
  }, [endpoint]);

  const connection = useMemo(() => connect(catalogue, endpoint), [catalogue, endpoint]);
  const { studio, studioError } = connection;

  // The spec as the module reads it right now: corrections to show, the colour of the
  // swatch, the brand whose mark to show, and (once submitted) the errors of the fields.
  const preview = useMemo(() => (catalogue ? tryPlan(toInput(values)) : null), [catalogue, values]);
  const errors: FieldErrors = submitted && preview && "field" in preview ? preview.errors : {};
  const live = preview && "plan" in preview ? preview.plan : null;

  // Runs `generate` under `sessionId`. Of the series' `total` shots, `settled` are done
  // already and stay as they are (a retry runs one angle and leaves the others).
  const start = useCallback(
    (spec: SpecInput, sessionId: string, total: number, settled: number) => {
      if (!studio) {
        return;
      }
      const token = ++tokens.current;
      const controller = new AbortController();
      setRun({ token, controller });
      setProgress({ done: settled, total });
      setBanner(null);

      const current = () => tokens.current === token;
      const land = (shot: Shot) => {
        if (shot.image) {
          objectUrls.current.add(shot.image);
        }
        setSeries((s) => (s && current() ? withShot(s, shot) : s));
      };

      studio
        .generate(spec, {
          sessionId,
          signal: controller.signal,
          deadlineMs: SHOT_DEADLINE_MS,
          onShot: (shot) => current() && land(shot),
          onProgress: (p) => current() && setProgress({ done: settled + p.done, total }),
        })
        .then(
          (done) => {
            if (!current()) {
              return;
            }
            done.shots.forEach(land);
            setProgress({ done: settled + done.shots.length, total });
            if (settled === 0) {
              setSeries((s) => (s ? { ...s, ms: done.ms } : s));
            }
          },
          (err) => {
            const error = asTurntableError(err);
            if (!current()) {
              return;
            }
            setSeries((s) => (s ? cancelPending(s) : s));
            if (!isAbort(error)) {
              setBanner(error.message);
            }
          },
        )
        .finally(() => {
          if (current()) {
            setRun(null);
          }
        });
    },
    [studio],
  );

  const generate = () => {
    setSubmitted(true);
    const spec = toInput(values);

    // Planned afresh, so that every Generate starts a new series under a new session id.
    const fresh = tryPlan(spec);
    if (!("plan" in fresh)) {
      focusField(formRef.current, fresh.field);
      return;
    }

    if (!studio) {
      setBanner(studioError ?? "the module is not ready");
      return;
    }

    const next = fresh.plan;
    forgetImages(objectUrls.current);
    setInput(spec);
    setSeries(seriesOf(next));
    start(spec, next.sessionId, next.shots.length, 0);
    revealOnNarrowScreens(seriesRef.current);
  };

  const replay = () => {
    if (!series || !input) {
      return;
    }
    forgetImages(objectUrls.current);
    setSeries({ ...series, ms: null, shots: series.shots.map(pending) });
    start(input, series.sessionId, series.shots.length, 0);
  };

  const retry = (angle: string) => {
    if (!series || !input) {
      return;
    }
    const settled = series.shots.filter((s) => s.angle !== angle && s.status !== "pending").length;
    setSeries({ ...series, shots: series.shots.map((s) => (s.angle === angle ? pending(s) : s)) });
    start({ ...input, angles: [angle] }, series.sessionId, series.shots.length, settled);
  };

  const cancel = () => {
    run?.controller.abort();
    formRef.current?.querySelector<HTMLButtonElement>("[data-testid=generate]")?.focus();
  };

  const newSeries = () => {
    run?.controller.abort();
    tokens.current += 1;
    forgetImages(objectUrls.current);
    setSeries(null);
    setInput(null);
    setRun(null);
    setProgress({ done: 0, total: 0 });
    setSubmitted(false);
    formRef.current?.querySelector<HTMLInputElement>("#brand")?.focus();
  };

  const download = () => {
    if (!series) {
      return;
    }
    const shots = series.shots.flatMap((s) => (s.image ? [{ ...s, image: s.image }] : []));
    downloadShots(series.spec, shots).catch((err) => setBanner(asTurntableError(err).message));
  };

  return (
    <div className="workbench" data-testid="workbench" data-ready={catalogue !== null}>
      <section className="panel spec-panel" aria-labelledby="spec-heading">
        <h2 id="spec-heading">Spec</h2>
        {catalogue ? (
          <SpecForm
            catalogue={catalogue}
            values={values}
            errors={errors}
            notes={live?.notes ?? []}
            canonicalBrand={live?.spec.brand ?? values.brand}
            swatch={live?.spec.color.hex ?? "#8a8f98"}
            busy={run !== null}
            formRef={formRef}
            onChange={setValues}
            onSubmit={generate}
          />
        ) : (
          <p className="loading" role="status">
            {loadError ? `The module did not load: ${loadError}` : "Loading the module…"}
          </p>
        )}
        <WorkerStatus endpoint={endpoint} health={studioError ? "refused" : health} />
      </section>

      <section ref={seriesRef} className="panel series-panel" aria-labelledby="series-heading">
        <h2 id="series-heading">Series</h2>
        {banner || studioError ? (
          <p className="banner" role="alert" data-testid="banner">
            {banner ?? studioError}
          </p>
        ) : null}
        <SeriesPanel
          series={series}
          running={run !== null}
          progress={progress}
          onCancel={cancel}
          onReplay={replay}
          onNew={newSeries}
          onRetry={retry}
          onDownload={download}
        />
      </section>
    </div>
  );
}

interface WorkerStatusProps {
  endpoint: string | null;
  /** "refused" when the module will not use the endpoint at all, whatever answers there. */
  health: Health | "down" | "refused" | null;
}

/** Which worker the page talks to, and whether its health check answered. */
function WorkerStatus({ endpoint, health }: WorkerStatusProps) {
  if (!endpoint) {
    return null;
  }
  const state = health === null ? "checking" : typeof health === "string" ? health : health.status;
  const upstreams = health && typeof health !== "string" ? health.upstreams?.image?.join(", ") : null;
  return (
    <p className="worker" data-testid="worker-status" data-state={state}>
      <span className={`dot dot-${state === "ok" ? "ok" : state === "checking" ? "wait" : "down"}`} />
      Worker <code>{endpoint}</code> {STATE_TEXT[state] ?? state}
      {upstreams ? <span className="upstreams"> · images from {upstreams}</span> : null}
    </p>
  );
}

const STATE_TEXT: Record<string, string> = {
  ok: "is up",
  down: "is not answering",
  refused: "is not a usable endpoint",
  checking: "…",
};

/** The studio of the worker at `endpoint`, once the module is loaded. */
function connect(catalogue: Catalogue | null, endpoint: string | null) {
  if (!catalogue || !endpoint) {
    return { studio: null, studioError: null };
  }
  try {
    return { studio: new Studio({ endpoint }), studioError: null };
  } catch (err) {
    return { studio: null, studioError: asTurntableError(err).message };
  }
}

/** The module's input from the form: the year as typed, so the module judges it. */
function toInput(values: SpecValues): SpecInput {
  return {
    brand: values.brand,
    model: values.model,
    year: values.year.trim(),
    color: values.color,
    bodyType: values.bodyType,
    angles: values.angles,
  };
}

type Preview = { plan: Plan } | { field: string | undefined; errors: FieldErrors };

/**
 * Plans without the network. A spec the module refuses gives the error of every field at
 * once (`checkSpec`), each beside its own field.
 */
function tryPlan(input: SpecInput): Preview {
  try {
    return { plan: plan(input) };
  } catch (err) {
    const refused = asTurntableError(err);
    const found = checkSpec(input).errors;
    const all = found.length > 0 ? found : [{ field: refused.field ?? "brand", message: refused.message }];
    const errors: FieldErrors = {};
    for (const error of all) {
      const key = (error.field in FIRST_SPEC ? error.field : "brand") as keyof SpecValues;
      errors[key] ??= fieldMessage(error.message, error.field);
    }
    return { field: all[0].field, errors };
  }
}

/** Frees the object URLs of the shots on screen before they are replaced. */
function forgetImages(urls: Set<string>) {
  urls.forEach((url) => URL.revokeObjectURL(url));
  urls.clear();
}

/** On a phone the series sits below the form: bring it into view when a run starts. */
function revealOnNarrowScreens(section: HTMLElement | null) {
  if (section && window.matchMedia("(max-width: 820px)").matches) {
    const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    section.scrollIntoView({ behavior: smooth ? "smooth" : "auto", block: "start" });
  }
}

function focusField(form: HTMLFormElement | null, field: string | undefined) {
  const id = field && field in FIRST_SPEC ? field : "brand";
  const target = id === "angles" ? "[name=angles]" : `#${id}`;
  form?.querySelector<HTMLElement>(target)?.focus();
}
