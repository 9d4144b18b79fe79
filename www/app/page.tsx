import { Workbench } from "@/components/Workbench";

export default function Page() {
  return (
    <>
      <header className="masthead">
        <h1>Turntable</h1>
        <p>
          One spec, every angle: describe a car once and get a series of shots that all show the
          same car.
        </p>
      </header>
      <main>
        <Workbench />
      </main>
    </>
  );
}
