// The site's icon: two linked rings (two parties) on the links' blue. One SVG serves as
// the favicon, the Atom <icon> and <logo>, and the JSON Feed `icon` and `favicon`.
export const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">' +
  '<rect width="64" height="64" rx="12" fill="#0b57d0"/>' +
  '<circle cx="24" cy="32" r="13" fill="none" stroke="#fff" stroke-width="5"/>' +
  '<circle cx="40" cy="32" r="13" fill="none" stroke="#fff" stroke-width="5"/>' +
  '</svg>\n';
