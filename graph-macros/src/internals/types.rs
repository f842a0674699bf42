//! Looking inside field and variant types as the user wrote them. A type
//! passed through `macro_rules!` as `$t:ty` arrives wrapped in an invisible
//! group, so every look goes through [`ungroup`] first.

use syn::Type;

/// `ty` without the invisible groups (`$t:ty`) and parentheses around it.
pub fn ungroup(ty: &Type) -> &Type {
    match ty {
        Type::Group(group) => ungroup(&group.elem),
        Type::Paren(paren) => ungroup(&paren.elem),
        _ => ty,
    }
}

/// `T` in `Option<T>`, also written `std::option::Option<T>` or
/// `core::option::Option<T>`.
pub fn option_inner(ty: &Type) -> Option<&Type> {
    std_generic_arg(ty, ["std", "core"], "option", "Option")
}

/// `T` in `Box<T>`, also written `std::boxed::Box<T>` or
/// `alloc::boxed::Box<T>`.
pub fn box_inner(ty: &Type) -> Option<&Type> {
    std_generic_arg(ty, ["std", "alloc"], "boxed", "Box")
}

/// Whether `ty` is `()`.
pub fn is_unit(ty: &Type) -> bool {
    matches!(ungroup(ty), Type::Tuple(tuple) if tuple.elems.is_empty())
}

/// The one type argument of the standard library's `name` (module `module`
/// of one of `crates`), written by its name alone or by its full path.
fn std_generic_arg<'a>(
    ty: &'a Type,
    crates: [&str; 2],
    module: &str,
    name: &str,
) -> Option<&'a Type> {
    let Type::Path(path) = ungroup(ty) else {
        return None;
    };
    if path.qself.is_some() {
        return None;
    }
    let segments = &path.path.segments;
    let last = segments.last()?;
    let prefix_ok = match segments.len() {
        1 => true,
        3 => crates.iter().any(|krate| segments[0].ident == krate) && segments[1].ident == module,
        _ => false,
    };
    if last.ident != name || !prefix_ok {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(syn::GenericArgument::Type(inner)) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::ToTokens;

    fn inner(ty: Type) -> Option<String> {
        option_inner(&ty).map(|inner| inner.to_token_stream().to_string())
    }

    #[test]
    fn an_option_is_seen_through_invisible_groups_and_parentheses() {
        let option: Type = syn::parse_quote!(std::option::Option<String>);
        // What a `$t:ty` fragment becomes inside a `macro_rules!` expansion.
        let grouped = Type::Group(syn::TypeGroup {
            attrs: Vec::new(),
            group_token: Default::default(),
            elem: Box::new(option.clone()),
        });
        assert_eq!(inner(grouped.clone()).as_deref(), Some("String"));
        let twice = Type::Group(syn::TypeGroup {
            attrs: Vec::new(),
            group_token: Default::default(),
            elem: Box::new(grouped),
        });
        assert_eq!(inner(twice).as_deref(), Some("String"));
        assert_eq!(
            inner(syn::parse_quote!((Option<u8>))).as_deref(),
            Some("u8")
        );
        assert_eq!(inner(syn::parse_quote!(Vec<Option<u8>>)), None);
        assert_eq!(inner(syn::parse_quote!(my::Option<u8>)), None);
    }
}
