/**
 * The atmosphere models' names for the WGS-84 Earth-fixed ⇄ geodetic conversions, allocation-free
 * ([latitude rad, longitude rad, height m] arrays). One implementation: frames/geodetic.ts
 * (Heikkinen 1982 closed form).
 */
export {
  geodeticRadToItrf as wgs84EcefFromGeodetic,
  itrfToGeodeticInto as wgs84GeodeticFromEcef,
} from '../../foundation/frames/geodetic.js';
