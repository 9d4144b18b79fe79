/**
 * Brand marks from the npm package `car-makes-icons`: one SVG per make, named by the make in
 * lower case with spaces ("mercedes benz.svg"). Each import becomes a hashed static asset of
 * the build, so a mark is only downloaded when the page shows it. The package's "alt"
 * variants are left out.
 */

import acura from "car-makes-icons/svgs/acura.svg";
import alfaRomeo from "car-makes-icons/svgs/alfa romeo.svg";
import amGeneral from "car-makes-icons/svgs/am general.svg";
import astonMartin from "car-makes-icons/svgs/aston martin.svg";
import audi from "car-makes-icons/svgs/audi.svg";
import bentley from "car-makes-icons/svgs/bentley.svg";
import bmw from "car-makes-icons/svgs/bmw.svg";
import bugatti from "car-makes-icons/svgs/bugatti.svg";
import buick from "car-makes-icons/svgs/buick.svg";
import cadillac from "car-makes-icons/svgs/cadillac.svg";
import chevrolet from "car-makes-icons/svgs/chevrolet.svg";
import chrysler from "car-makes-icons/svgs/chrysler.svg";
import daewoo from "car-makes-icons/svgs/daewoo.svg";
import dodge from "car-makes-icons/svgs/dodge.svg";
import eagle from "car-makes-icons/svgs/eagle.svg";
import ferrari from "car-makes-icons/svgs/ferrari.svg";
import fiat from "car-makes-icons/svgs/fiat.svg";
import fisker from "car-makes-icons/svgs/fisker.svg";
import ford from "car-makes-icons/svgs/ford.svg";
import genesis from "car-makes-icons/svgs/genesis.svg";
import geo from "car-makes-icons/svgs/geo.svg";
import gmc from "car-makes-icons/svgs/gmc.svg";
import honda from "car-makes-icons/svgs/honda.svg";
import hummer from "car-makes-icons/svgs/hummer.svg";
import hyundai from "car-makes-icons/svgs/hyundai.svg";
import infiniti from "car-makes-icons/svgs/infiniti.svg";
import isuzu from "car-makes-icons/svgs/isuzu.svg";
import jaguar from "car-makes-icons/svgs/jaguar.svg";
import jeep from "car-makes-icons/svgs/jeep.svg";
import kia from "car-makes-icons/svgs/kia.svg";
import lamborghini from "car-makes-icons/svgs/lamborghini.svg";
import landRover from "car-makes-icons/svgs/land rover.svg";
import lexus from "car-makes-icons/svgs/lexus.svg";
import lincoln from "car-makes-icons/svgs/lincoln.svg";
import lotus from "car-makes-icons/svgs/lotus.svg";
import maserati from "car-makes-icons/svgs/maserati.svg";
import maybach from "car-makes-icons/svgs/maybach.svg";
import mazda from "car-makes-icons/svgs/mazda.svg";
import mclaren from "car-makes-icons/svgs/mclaren.svg";
import mercedesBenz from "car-makes-icons/svgs/mercedes benz.svg";
import mercury from "car-makes-icons/svgs/mercury.svg";
import mini from "car-makes-icons/svgs/mini.svg";
import mitsubishi from "car-makes-icons/svgs/mitsubishi.svg";
import nissan from "car-makes-icons/svgs/nissan.svg";
import oldsmobile from "car-makes-icons/svgs/oldsmobile.svg";
import panoz from "car-makes-icons/svgs/panoz.svg";
import plymouth from "car-makes-icons/svgs/plymouth.svg";
import pontiac from "car-makes-icons/svgs/pontiac.svg";
import porsche from "car-makes-icons/svgs/porsche.svg";
import ram from "car-makes-icons/svgs/ram.svg";
import rollsRoyce from "car-makes-icons/svgs/rolls royce.svg";
import saab from "car-makes-icons/svgs/saab.svg";
import saturn from "car-makes-icons/svgs/saturn.svg";
import scion from "car-makes-icons/svgs/scion.svg";
import smart from "car-makes-icons/svgs/smart.svg";
import spyker from "car-makes-icons/svgs/spyker.svg";
import subaru from "car-makes-icons/svgs/subaru.svg";
import suzuki from "car-makes-icons/svgs/suzuki.svg";
import tesla from "car-makes-icons/svgs/tesla.svg";
import toyota from "car-makes-icons/svgs/toyota.svg";
import volkswagen from "car-makes-icons/svgs/volkswagen.svg";
import volvo from "car-makes-icons/svgs/volvo.svg";

type Asset = string | { src: string };

const MARKS: Record<string, Asset> = {
  acura,
  "alfa romeo": alfaRomeo,
  "am general": amGeneral,
  "aston martin": astonMartin,
  audi,
  bentley,
  bmw,
  bugatti,
  buick,
  cadillac,
  chevrolet,
  chrysler,
  daewoo,
  dodge,
  eagle,
  ferrari,
  fiat,
  fisker,
  ford,
  genesis,
  geo,
  gmc,
  honda,
  hummer,
  hyundai,
  infiniti,
  isuzu,
  jaguar,
  jeep,
  kia,
  lamborghini,
  "land rover": landRover,
  lexus,
  lincoln,
  lotus,
  maserati,
  maybach,
  mazda,
  mclaren,
  "mercedes benz": mercedesBenz,
  mercury,
  mini,
  mitsubishi,
  nissan,
  oldsmobile,
  panoz,
  plymouth,
  pontiac,
  porsche,
  ram,
  "rolls royce": rollsRoyce,
  saab,
  saturn,
  scion,
  smart,
  spyker,
  subaru,
  suzuki,
  tesla,
  toyota,
  volkswagen,
  volvo,
};

/** The key of `brand` in the package's naming: lower case, no accents, words spaced. */
export function markKey(brand: string): string {
  return brand
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The URL of `brand`'s mark, or null when the package has none. */
export function markUrl(brand: string): string | null {
  const asset = MARKS[markKey(brand)];
  if (!asset) {
    return null;
  }
  return typeof asset === "string" ? asset : asset.src;
}
