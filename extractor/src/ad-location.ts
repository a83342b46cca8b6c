import type { AdLocation } from '@indicia/core';
import { mostSpecific } from './country-inference.js';
import { findPlaces, type PlaceMention } from './gazetteer.js';

/** "Location: ..." in the languages of the ads this tool reads first. */
const locationLabel = /^[ \t]*(?:location|city|area|based in|located in|ort|standort|arbeitsort|einsatzort|lieu|localisation|ville|ubicación|ubicacion|ciudad|lugar|località|localita|luogo|città|citta|localização|localizacao|cidade|local|lokalizacja|miejsce|miasto|locație|locatie|oraș|oras|locatie|plaats|місто|розташування|город|местоположение)[ \t]*[:\-–][ \t]*\n?[ \t]*(.{2,80})$/imu;

/**
 * Where the ad says it is: a location line ("Location: Las Vegas, NV") with the city and country
 * the gazetteer knows in it, or failing that the first city named in the title or text.
 */
export function findAdLocation(input: { text: string; title: string; selected?: string | null }): AdLocation | null {
  const selected = input.selected?.trim();
  if (selected) return locationFrom(selected, findPlaces(selected, { anyCase: true }));
  const line = locationLabel.exec(input.text);
  if (line) {
    const text = line[1]!.trim();
    return locationFrom(text, findPlaces(text, { anyCase: true }));
  }
  for (const source of [input.title, input.text]) {
    const city = findPlaces(source).find((place) => place.kind === 'city');
    if (city) return { text: source.slice(city.start, city.end), city: city.name, country: city.country };
  }
  return null;
}

function locationFrom(text: string, places: PlaceMention[]): AdLocation {
  const location: AdLocation = { text };
  const city = places.find((place) => place.kind === 'city');
  if (city) location.city = city.name;
  const country = (city ?? mostSpecific(places))?.country;
  if (country) location.country = country;
  return location;
}
