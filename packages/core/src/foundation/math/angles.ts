/** Degree ⇄ radian factors, one per direction, named by what they convert (x° · RAD_PER_DEG = rad). */

/** Radians per degree, π/180: multiply degrees by it to get radians. */
export const RAD_PER_DEG = Math.PI / 180;

/** Degrees per radian, 180/π: multiply radians by it to get degrees. */
export const DEG_PER_RAD = 180 / Math.PI;
