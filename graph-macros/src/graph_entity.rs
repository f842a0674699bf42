//! Generates a `#[graph_entity]` struct, its create- and update-request types
//! (its companions), and their `ODataType`, `Entity` (and for a derived
//! entity, `Derived`) impls; the serde impls come from [`crate::object`].

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::Ident;

use crate::expansion::{self, Bodies};
use crate::internals::attrs::{self, Cfg};
use crate::internals::graph_struct::{self, GraphStruct, Kind, Property};
use crate::object::{self, BaseType, Missing, ObjectType, WireField};
use crate::tokens::{at_user, respan};

pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    expansion::expand(graph_struct::parse(Kind::Entity, args, item), generate)
}

/// What the expansion is made of: declarations at the item's place, and impls
/// gathered in one constant.
struct Generated {
    declarations: TokenStream,
    impls: TokenStream,
}

/// What every one of the three structs is generated from.
struct Entity<'a> {
    model: &'a GraphStruct,
    /// The properties the structs declare (see [`object::declared`]).
    properties: Vec<&'a Property>,
    base: Option<EntityBase>,
    /// The user's attributes but docs, which describe the entity only: the
    /// derives and the rest apply to all three structs.
    companion_attrs: Vec<&'a syn::Attribute>,
    /// `#[allow(deprecated)]` when the user deprecated something: the
    /// companions repeat the user's fields and base, and a deprecated one is
    /// reported once, where the user wrote it.
    allow_deprecated: TokenStream,
    /// `additional_data` for a root entity (a derived one reads it through
    /// its base), in all three structs.
    root_tail: Option<TokenStream>,
    bodies: Bodies,
}

/// The base of a derived entity as each of its three structs embeds it;
/// errors about it point at `base = "..."`.
struct EntityBase {
    /// The Rust name, for docs.
    name: String,
    /// The base entity, embedded by the entity.
    entity: BaseType,
    /// `<Base as RequestTypes>::Create`, embedded by the create type: a
    /// base without request types fails that bound, with the fix.
    create: BaseType,
    /// `<Base as RequestTypes>::Update`, embedded by the update type.
    update: BaseType,
}

fn generate(model: &GraphStruct, bodies: Bodies) -> TokenStream {
    let krate = &model.krate;
    let base = model.base.as_ref().map(|base| {
        let entity = BaseType::new(base);
        let entity_trait = quote!(#krate::__private::RequestTypes);
        EntityBase {
            name: BaseType::name(base),
            create: entity.projection(entity_trait.clone(), "Create"),
            update: entity.projection(entity_trait, "Update"),
            entity,
        }
    });
    let added: &[&str] = match base {
        Some(_) => &["base"],
        None => &["id", "additional_data"],
    };
    let entity = Entity {
        model,
        properties: object::declared(&model.properties, added, bodies),
        base,
        companion_attrs: model
            .item
            .attrs
            .iter()
            .filter(|attr| !attr.path().is_ident("doc"))
            .collect(),
        allow_deprecated: attrs::allow_deprecated(&model.item),
        root_tail: model.base.is_none().then(|| {
            quote! {
                /// Properties and annotations this struct does not declare, kept so that
                /// parsing and serializing again loses nothing.
                pub additional_data: #krate::AdditionalData,
            }
        }),
        bodies,
    };

    let mut generated = entity_struct(&entity);
    let requests = if model.request_types {
        &[Request::Create, Request::Update][..]
    } else {
        &[]
    };
    for &request in requests {
        let companion = companion(&entity, request);
        generated.declarations.extend(companion.declarations);
        generated.impls.extend(companion.impls);
    }
    let Generated {
        declarations,
        impls,
    } = generated;
    let impls = expansion::wrap_impls(&model.item, impls);
    let gated_errors = &model.gated_errors;
    quote! {
        #declarations
        #impls
        #gated_errors
    }
}

/// The entity itself: `id` for a root entity (a derived one inherits it).
fn entity_struct(entity: &Entity) -> Generated {
    let model = entity.model;
    let krate = &model.krate;
    let ident = &model.item.ident;
    let (attrs, vis) = (&model.item.attrs, &model.item.vis);
    let odata_type = &model.odata_type;
    let id_type = quote!(::core::option::Option<#krate::__private::String>);
    let head = match &entity.base {
        Some(base) => object::base_field(
            vis,
            &base.entity,
            &format!(
                "The properties inherited from [`{}`], which also read through `Deref` \
                 (`value.id`, `value.additional_data`).",
                base.name
            ),
        ),
        None => quote! {
            /// The unique identifier, assigned by the server (inherited from `entity`).
            pub id: #id_type,
        },
    };
    let id_body = match &entity.base {
        Some(_) => quote!(#krate::Entity::id(&self.base)),
        None => quote!(::core::option::Option::as_deref(&self.id)),
    };
    let derived = entity.base.as_ref().map(|base| {
        object::derived_impls(
            model,
            &entity.properties,
            &base.entity,
            &base.name,
            entity.bodies,
        )
    });
    let id = format_ident!("id");
    let unconditional = Cfg::default();
    let id_field = entity.base.is_none().then(|| WireField {
        ident: &id,
        wire_name: "id",
        ty: id_type,
        missing: Missing::Field,
        optional: true,
        span: Span::call_site(),
        cfg: &unconditional,
    });
    let object = ObjectType {
        ident,
        fields: id_field
            .into_iter()
            .chain(
                entity
                    .properties
                    .iter()
                    .map(|property| WireField::property(property, &property.field.ty)),
            )
            .collect(),
        base: entity.base.as_ref().map(|base| base.entity.clone()),
        writes_type: model.writes_type,
        is_abstract: model.is_abstract,
    };
    let (create, update, request_types) = if model.request_types {
        let (create, update) = (&model.create_ident, &model.update_ident);
        let request_types = quote! {
            #[automatically_derived]
            impl #krate::__private::RequestType for #create {
                type Create = #create;
                type Update = #update;
            }
        };
        (quote!(#create), quote!(#update), Some(request_types))
    } else {
        let none = quote!(#krate::NoRequestType);
        (none.clone(), none, None)
    };
    let fields = entity.properties.iter().map(|property| &property.field);
    let root_tail = &entity.root_tail;
    let object_impls = object::impls(krate, &object, entity.bodies);
    Generated {
        declarations: quote! {
            #(#attrs)*
            #vis struct #ident {
                #head
                #(#fields,)*
                #root_tail
            }
        },
        impls: quote! {
            #[automatically_derived]
            impl #krate::ODataType for #ident {
                const ODATA_TYPE: &'static ::core::primitive::str = #odata_type;
            }

            #[automatically_derived]
            impl #krate::Entity for #ident {
                type Create = #create;
                type Update = #update;

                fn id(&self) -> ::core::option::Option<&::core::primitive::str> {
                    #id_body
                }
            }

            #request_types
            #derived
            #object_impls
        },
    }
}

/// One of an entity's request types.
#[derive(Clone, Copy, PartialEq)]
enum Request {
    /// The body of a POST that creates the entity: no read-only properties;
    /// `required` unwraps `Option<T>`.
    Create,
    /// The body of a PATCH: every writable property as a `Patch`, which
    /// tells "leave unchanged" (omitted) from "clear" (null) and "set".
    Update,
}

impl Request {
    fn ident(self, model: &GraphStruct) -> &Ident {
        match self {
            Request::Create => &model.create_ident,
            Request::Update => &model.update_ident,
        }
    }

    fn base(self, base: &EntityBase) -> &BaseType {
        match self {
            Request::Create => &base.create,
            Request::Update => &base.update,
        }
    }

    /// The word docs use for it.
    fn word(self) -> &'static str {
        match self {
            Request::Create => "create",
            Request::Update => "update",
        }
    }

    fn doc(self, entity: &Ident) -> String {
        match self {
            Request::Create => format!(
                "The body of a request that creates a [`{entity}`]: no `id`, no read-only properties."
            ),
            Request::Update => format!(
                "The body of a PATCH request that updates a [`{entity}`]: each property is \
                 left unchanged, cleared or set, and only what changes is sent."
            ),
        }
    }

    /// The bound that holds unless the user has a type of its name (see
    /// [`companion_struct`]).
    fn name_free(self, model: &GraphStruct) -> TokenStream {
        let (krate, entity, ident) = (&model.krate, &model.item.ident, self.ident(model));
        let name_free = match self {
            Request::Create => quote!(CreateNameFree),
            Request::Update => quote!(UpdateNameFree),
        };
        quote!(#ident: #krate::__private::#name_free<Self, #entity>)
    }

    /// `property` as this request carries it; `None` for a read-only one.
    fn field<'a>(self, krate: &syn::Path, property: &'a Property) -> Option<WireField<'a>> {
        if property.read_only {
            return None;
        }
        Some(match self {
            Request::Create => match (&property.option_inner, property.required) {
                (Some(inner), true) => WireField::unwrapped(property, inner),
                _ => WireField::property(property, &property.field.ty),
            },
            Request::Update => {
                let inner = property.option_inner.as_ref().unwrap_or(&property.field.ty);
                WireField {
                    ident: property.ident(),
                    wire_name: &property.wire_name,
                    ty: respan(quote!(#krate::Patch<#inner>), at_user(inner)),
                    missing: Missing::Unchanged,
                    optional: false,
                    span: at_user(&property.field.ty),
                    cfg: &property.cfg,
                }
            }
        })
    }
}

/// The create or update type, with its `ODataType` and serde impls, and for
/// the update type `Default` (how an update is written:
/// `..Default::default()`) unless the user's derives have it.
fn companion(entity: &Entity, request: Request) -> Generated {
    let model = entity.model;
    let krate = &model.krate;
    let ident = request.ident(model);
    let vis = &model.item.vis;
    let fields: Vec<(&Property, WireField)> = entity
        .properties
        .iter()
        .filter_map(|&property| Some((property, request.field(krate, property)?)))
        .collect();
    let base = entity.base.as_ref().map(|base| request.base(base));

    let head = entity.base.as_ref().map(|base| {
        let doc = format!(
            "The properties of [`{}`]'s {}-request type, which also read through `Deref`.",
            base.name,
            request.word()
        );
        object::base_field(vis, request.base(base), &doc)
    });
    let declared_fields = fields
        .iter()
        .map(|(property, field)| companion_field(property, &field.ty));
    let root_tail = &entity.root_tail;
    let (companion_attrs, allow_deprecated) = (&entity.companion_attrs, &entity.allow_deprecated);
    let doc = request.doc(&model.item.ident);
    let declaration = companion_struct(
        quote!(#(#companion_attrs)* #[doc = #doc] #allow_deprecated #vis struct #ident),
        request.name_free(model),
        quote!({
            #head
            #(#declared_fields,)*
            #root_tail
        }),
    );

    let default = (request == Request::Update && !attrs::derives(&model.item.attrs, "Default"))
        .then(|| {
            let unchanged = fields.iter().map(|(_, field)| {
                let (ident, cfg) = (field.ident, field.cfg);
                quote!(#cfg #ident: #krate::Patch::Unchanged,)
            });
            let rest = match base {
                Some(_) => quote!(base: ::core::default::Default::default(),),
                None => quote!(additional_data: #krate::AdditionalData::new(),),
            };
            quote! {
                #[automatically_derived]
                impl ::core::default::Default for #ident {
                    fn default() -> Self {
                        #ident {
                            #(#unchanged)*
                            #rest
                        }
                    }
                }
            }
        });
    let object = ObjectType {
        ident,
        fields: fields.into_iter().map(|(_, field)| field).collect(),
        base: base.cloned(),
        writes_type: model.writes_type,
        is_abstract: model.is_abstract,
    };
    let object_impls = object::impls(krate, &object, entity.bodies);
    let odata_type = &model.odata_type;
    Generated {
        declarations: declaration,
        impls: quote! {
            #default

            #[automatically_derived]
            impl #krate::ODataType for #ident {
                const ODATA_TYPE: &'static ::core::primitive::str = #odata_type;
            }

            #object_impls
        },
    }
}

/// A property's field in the create or update type, with type `ty`. It keeps
/// the user's attributes (docs, `#[cfg]`, `#[deprecated]`, ...); one the user
/// left undocumented gets a doc line, so that `missing_docs` reports it once,
/// at the user's field, rather than once per companion too.
fn companion_field(property: &Property, ty: &impl quote::ToTokens) -> TokenStream {
    let field = &property.field;
    let (field_attrs, field_vis, ident) = (&field.attrs, &field.vis, &field.ident);
    let doc = (!field_attrs.iter().any(|attr| attr.path().is_ident("doc"))).then(|| {
        let doc = format!(" The Graph property `{}`.", property.wire_name);
        quote!(#[doc = #doc])
    });
    quote!(#(#field_attrs)* #doc #field_vis #ident: #ty)
}

/// A create or update struct: `head` (attributes to the name), `body` (the
/// braced fields), and `name_free`, a bound that holds unless the user already
/// has a type of that name. That type then wins name lookup, rustc reports the
/// duplicate (E0428) in words that cannot say `create = "..."`, and the bound,
/// naming the user's type and `Self`, fails with a message that does. Rustdoc
/// would show the bound on every such type, so documentation gets the struct
/// without it.
fn companion_struct(head: TokenStream, name_free: TokenStream, body: TokenStream) -> TokenStream {
    // At the attribute, where `create = "..."` goes.
    let name_free = respan(name_free, Span::call_site());
    quote! {
        #[cfg(not(doc))]
        #head where #name_free #body
        #[cfg(doc)]
        #head #body
    }
}
