"use client";

import type { FormEvent, ReactNode, RefObject } from "react";
import type { Note } from "turntable";

import type { Catalogue } from "@/lib/turntable";
import { markUrl } from "@/lib/marks";
import { PRESETS, bodyWord } from "@/lib/words";

/** What the form holds: the spec as typed, before the module normalises it. */
export interface SpecValues {
  brand: string;
  model: string;
  year: string;
  color: string;
  bodyType: string;
  angles: string[];
}

export type FieldErrors = Partial<Record<keyof SpecValues, string>>;

interface Props {
  catalogue: Catalogue;
  values: SpecValues;
  errors: FieldErrors;
  notes: Note[];
  /** The brand as the module reads it ("maxda" is Mazda): whose mark to show. */
  canonicalBrand: string;
  swatch: string;
  busy: boolean;
  formRef: RefObject<HTMLFormElement | null>;
  onChange: (values: SpecValues) => void;
  onSubmit: () => void;
}

/** The spec form: brand, model, year, colour, body type and the angles of the series. */
export function SpecForm(props: Props) {
  const { catalogue, values, errors, notes, busy, onChange } = props;
  const set = <K extends keyof SpecValues>(key: K, value: SpecValues[K]) =>
    onChange({ ...values, [key]: value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) {
      props.onSubmit();
    }
  };

  const mark = markUrl(props.canonicalBrand);
  const toggle = (id: string, on: boolean) => {
    const chosen = new Set(values.angles);
    if (on) {
      chosen.add(id);
    } else {
      chosen.delete(id);
    }
    set("angles", catalogue.angles.map((a) => a.id).filter((a) => chosen.has(a)));
  };

  return (
    <form ref={props.formRef} className="spec-form" onSubmit={submit} noValidate>
      <Field id="brand" label="Brand" error={errors.brand} notes={notes}>
        <div className="with-mark">
          <input
            id="brand"
            name="brand"
            data-testid="brand"
            list="brand-list"
            autoComplete="off"
            spellCheck={false}
            placeholder="Mazda"
            value={values.brand}
            onChange={(e) => set("brand", e.target.value)}
            {...described("brand", errors.brand, notes)}
          />
          {mark ? (
            <img
              className="mark"
              src={mark}
              alt={`${props.canonicalBrand} mark`}
              data-testid="brand-mark"
            />
          ) : null}
        </div>
        <datalist id="brand-list">
          {catalogue.brands.map((b) => (
            <option key={b.name} value={b.name}>
              {b.country}
            </option>
          ))}
        </datalist>
      </Field>

      <Field id="model" label="Model" error={errors.model} notes={notes}>
        <input
          id="model"
          name="model"
          data-testid="model"
          autoComplete="off"
          placeholder="CX-30"
          value={values.model}
          onChange={(e) => set("model", e.target.value)}
          {...described("model", errors.model, notes)}
        />
      </Field>

      <div className="field-row">
        <Field id="year" label="Year" error={errors.year} notes={notes}>
          <input
            id="year"
            name="year"
            data-testid="year"
            inputMode="numeric"
            autoComplete="off"
            placeholder="2021"
            value={values.year}
            onChange={(e) => set("year", e.target.value)}
            {...described("year", errors.year, notes)}
          />
        </Field>

        <Field id="bodyType" label="Body type" error={errors.bodyType} notes={notes}>
          <select
            id="bodyType"
            name="bodyType"
            data-testid="body-type"
            value={values.bodyType}
            onChange={(e) => set("bodyType", e.target.value)}
            {...described("bodyType", errors.bodyType, notes)}
          >
            {catalogue.bodyTypes.map((id) => (
              <option key={id} value={id}>
                {bodyWord(id)}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <Field id="color" label="Colour" error={errors.color} notes={notes}>
        <div className="with-swatch">
          <input
            id="color"
            name="color"
            data-testid="color"
            autoComplete="off"
            placeholder="red, dark metallic green or #b3121b"
            value={values.color}
            onChange={(e) => set("color", e.target.value)}
            {...described("color", errors.color, notes)}
          />
          <input
            type="color"
            className="swatch"
            data-testid="color-picker"
            aria-label="Pick the colour"
            value={props.swatch}
            onChange={(e) => set("color", e.target.value)}
          />
        </div>
      </Field>

      <fieldset
        className="angles"
        aria-describedby={errors.angles ? "angles-error" : undefined}
        data-testid="angles"
      >
        <legend>Angles</legend>
        <div className="presets" role="group" aria-label="Angle presets">
          {PRESETS.map((preset) => {
            const ids = preset.pick(catalogue.angles);
            const active = sameSet(ids, values.angles);
            return (
              <button
                key={preset.id}
                type="button"
                className="preset"
                data-testid={`preset-${preset.id}`}
                aria-pressed={active}
                onClick={() => set("angles", ids)}
              >
                {preset.label}
              </button>
            );
          })}
        </div>
        <div className="toggles">
          {catalogue.angles.map((angle) => (
            <label key={angle.id} className="toggle" title={angle.camera}>
              <input
                type="checkbox"
                name="angles"
                value={angle.id}
                data-testid={`angle-${angle.id}`}
                checked={values.angles.includes(angle.id)}
                onChange={(e) => toggle(angle.id, e.target.checked)}
              />
              <span>{angle.label}</span>
            </label>
          ))}
        </div>
        <ErrorText field="angles" error={errors.angles} />
      </fieldset>

      <button type="submit" className="primary" data-testid="generate" aria-disabled={busy}>
        {busy ? "Generating…" : `Generate series (${values.angles.length})`}
      </button>
    </form>
  );
}

interface FieldProps {
  id: keyof SpecValues;
  label: string;
  error: string | undefined;
  notes: Note[];
  children: ReactNode;
}

function Field({ id, label, error, notes, children }: FieldProps) {
  const corrections = notes.filter((n) => n.field === id);
  return (
    <div className={error ? "field invalid" : "field"} data-testid={`field-${id}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {corrections.length > 0 ? (
        <p className="field-note" id={`${id}-note`} data-testid={`note-${id}`}>
          {corrections.map((n) => `${n.from} → ${n.to}`).join(", ")}
        </p>
      ) : null}
      <ErrorText field={id} error={error} />
    </div>
  );
}

function ErrorText({ field, error }: { field: string; error: string | undefined }) {
  if (!error) {
    return null;
  }
  return (
    <p className="field-error" id={`${field}-error`} data-testid={`error-${field}`}>
      {error}
    </p>
  );
}

/** `aria-invalid` and `aria-describedby` of a field from its error and corrections. */
function described(field: keyof SpecValues, error: string | undefined, notes: Note[]) {
  const ids = [];
  if (notes.some((n) => n.field === field)) {
    ids.push(`${field}-note`);
  }
  if (error) {
    ids.push(`${field}-error`);
  }
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": ids.length > 0 ? ids.join(" ") : undefined,
  };
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
